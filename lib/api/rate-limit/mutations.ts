import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/auth/actor";

export type CountedApiKey = {
  id: string;
  scopes: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  ownerId: string;
  ownerName: string;
  ownerEmail: string;
  ownerRole: Role;
  ownerDisabledAt: Date | null;
  /** This request's number in the key's current window; null when the key is revoked, expired or its owner disabled. */
  requestCount: number | null;
};

/**
 * The key whose SHA-256 is `hashedKey`, with its owner, and — when the key is live — this request counted
 * in its fixed window, in one statement: every API call pays one database round trip for both instead of
 * two. The count is an atomic upsert, so concurrent requests on any number of instances never lose one.
 * Only a matching key is counted, so nobody can spend someone else's limit by sending a wrong secret.
 */
export async function findApiKeyCountingRequest(hashedKey: string, counterPrefix: string, windowStart: Date, now: Date): Promise<CountedApiKey | undefined> {
  const rows = await db.$queryRaw<CountedApiKey[]>(apiKeyCountingSql(hashedKey, counterPrefix, windowStart, now));
  return rows[0];
}

/** The statement behind findApiKeyCountingRequest (exported for bench:api's bare-pg baseline). */
export function apiKeyCountingSql(hashedKey: string, counterPrefix: string, windowStart: Date, now: Date): Prisma.Sql {
  return Prisma.sql`
    WITH found AS (
      SELECT k."id", k."scopes", k."expiresAt", k."revokedAt",
             u."id" AS "ownerId", u."name" AS "ownerName", u."email" AS "ownerEmail", u."role"::text AS "ownerRole",
             u."disabledAt" AS "ownerDisabledAt"
        FROM "ApiKey" k JOIN "User" u ON u."id" = k."ownerId"
       WHERE k."hashedKey" = ${hashedKey}
    ), counted AS (
      INSERT INTO "RateLimitCounter" ("key", "windowStart", "count")
      SELECT ${counterPrefix} || found."id", ${windowStart}, 1 FROM found
       WHERE found."revokedAt" IS NULL AND (found."expiresAt" IS NULL OR found."expiresAt" > ${now})
         AND found."ownerDisabledAt" IS NULL
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
      RETURNING "count"
    )
    SELECT found.*, (SELECT "count" FROM counted) AS "requestCount" FROM found`;
}

/** Counts one request against `key` in the window starting at `windowStart` (an atomic upsert); returns its number. */
export async function countRequestInWindow(key: string, windowStart: Date): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ count: number }>>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "count"`;
  return Number(row?.count ?? 0);
}

/** Drops windows that ended before `before`: they can never be counted again. */
export async function deleteRateLimitWindowsBefore(before: Date): Promise<number> {
  const { count } = await db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: before } } });
  return count;
}
