import "server-only";
import { db } from "@/lib/db";

/**
 * Counts one request in the fixed window starting at `windowStart` and returns the new count. One
 * atomic upsert, so concurrent requests on any number of app instances never lose a count.
 */
export async function incrementRateLimitCounter(key: string, windowStart: Date): Promise<number> {
  const rows = await db.$queryRaw<Array<{ count: number }>>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "count"`;
  return rows[0]!.count;
}

/** Drops windows that ended before `before`: they can never be counted again. */
export async function deleteRateLimitWindowsBefore(before: Date): Promise<number> {
  const { count } = await db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: before } } });
  return count;
}
