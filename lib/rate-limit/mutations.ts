import "server-only";
import { z } from "zod";
import { ROLES } from "@/lib/auth/actor";
import { db, queryOnPool } from "@/lib/db";
import { API_KEY_COUNTING_SQL } from "./sql";

/** Counts one request against `key` in the window starting at `windowStart` (an atomic upsert); returns its number. */
export async function countRequestInWindow(key: string, windowStart: Date): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ count: number }>>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "count"`;
  return Number(row?.count ?? 0);
}

/** Takes one request back from `key`'s window (never below zero). */
export async function uncountRequestInWindow(key: string, windowStart: Date): Promise<void> {
  await db.rateLimitCounter.updateMany({ where: { key, windowStart, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

/** Forgets every window of `key`. */
export async function deleteCounter(key: string): Promise<void> {
  await db.rateLimitCounter.deleteMany({ where: { key } });
}

/** Drops windows that started before `before`. */
export async function deleteRateLimitWindowsBefore(before: Date): Promise<number> {
  const { count } = await db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: before } } });
  return count;
}

const ZCountedApiKey = z.object({
  id: z.string(),
  scopes: z.array(z.string()),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  ownerId: z.string(),
  ownerName: z.string(),
  ownerEmail: z.string(),
  ownerRole: z.enum(ROLES),
  ownerDisabledAt: z.date().nullable(),
  /** This request's number in the key's current window; null when the key is revoked, expired or its owner disabled. */
  requestCount: z.number().int().nullable(),
});

export type CountedApiKey = z.infer<typeof ZCountedApiKey>;

/**
 * The key whose SHA-256 is `hashedKey`, with its owner, and — when the key is live — this request counted
 * in its fixed window, in one statement: every API call pays one database round trip for both instead of
 * two. The count is an atomic upsert, so concurrent requests on any number of instances never lose one.
 * Only a matching key is counted, so nobody can spend someone else's limit by sending a wrong secret.
 */
export async function findApiKeyCountingRequest(
  hashedKey: string,
  counterPrefix: string,
  windowStart: Date,
  now: Date,
): Promise<CountedApiKey | undefined> {
  // Parameterised ($1…$4), never interpolated: the text is shared with the benchmark's baseline. On the
  // pool, not through Prisma: every API request pays this statement (see queryOnPool).
  const [row] = await queryOnPool(API_KEY_COUNTING_SQL, [hashedKey, counterPrefix, windowStart, now]);
  return row === undefined ? undefined : ZCountedApiKey.parse(row);
}
