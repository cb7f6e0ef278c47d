import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type IdempotencyRow = {
  id: string;
  requestHash: string;
  responseStatus: number | null;
  responseBody: unknown;
  completedAt: Date | null;
};

export type IdempotencyClaim = { claimed: true; id: string } | { claimed: false; existing: IdempotencyRow | null };

/**
 * Claims (apiKeyId, key) for this request, or returns the record that already holds it — in one
 * statement. The claim wins when the key is new or its previous use has expired; the unique index
 * decides between concurrent claims, so exactly one of N simultaneous duplicates wins. `existing` can be
 * null when the holder committed after this statement's snapshot: the caller treats that as in flight.
 */
export async function claimIdempotencyKey(apiKeyId: string, key: string, requestHash: string, expiresAt: Date): Promise<IdempotencyClaim> {
  const rows = await db.$queryRaw<Array<IdempotencyRow & { claimed: boolean }>>`
    WITH claim AS (
      INSERT INTO "IdempotencyRecord" ("id", "apiKeyId", "key", "requestHash", "expiresAt")
      VALUES (${randomUUID()}, ${apiKeyId}, ${key}, ${requestHash}, ${expiresAt})
      ON CONFLICT ("apiKeyId", "key") DO UPDATE
        SET "requestHash" = EXCLUDED."requestHash", "expiresAt" = EXCLUDED."expiresAt", "createdAt" = now(),
            "responseStatus" = NULL, "responseBody" = NULL, "completedAt" = NULL
        WHERE "IdempotencyRecord"."expiresAt" <= now()
      RETURNING "id"
    )
    SELECT "id", true AS "claimed", NULL AS "requestHash", NULL::int AS "responseStatus",
           NULL::jsonb AS "responseBody", NULL::timestamptz AS "completedAt"
      FROM claim
    UNION ALL
    SELECT "id", false, "requestHash", "responseStatus", "responseBody", "completedAt"
      FROM "IdempotencyRecord"
     WHERE "apiKeyId" = ${apiKeyId} AND "key" = ${key} AND NOT EXISTS (SELECT 1 FROM claim)`;
  const row = rows[0];
  if (!row) return { claimed: false, existing: null };
  const { claimed, ...existing } = row;
  return claimed ? { claimed: true, id: row.id } : { claimed: false, existing };
}

export async function completeIdempotencyRecord(id: string, status: number, body: unknown): Promise<void> {
  await db.idempotencyRecord.update({
    where: { id },
    data: { responseStatus: status, responseBody: (body ?? null) as Prisma.InputJsonValue, completedAt: new Date() },
  });
}

/** Forgets a claim whose request failed unexpectedly, so the client can retry with the same key. */
export async function releaseIdempotencyRecord(id: string): Promise<void> {
  await db.idempotencyRecord.deleteMany({ where: { id, completedAt: null } });
}
