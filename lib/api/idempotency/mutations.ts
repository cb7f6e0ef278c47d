import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type IdempotencyRow = {
  id: string;
  requestHash: string;
  responseStatus: number | null;
  responseBody: unknown;
  responseHeaders: unknown;
  completedAt: Date | null;
};

export type IdempotencyClaim = { claimed: true; id: string } | { claimed: false; existing: IdempotencyRow | null };

/** The transaction a claim is completed in: the booking's own, so the answer commits with the booking. */
export type IdempotencyTx = Prisma.TransactionClient;

/**
 * Claims (apiKeyId, key) for this request, or returns the record that already holds it — in one
 * statement. The claim wins when the key is new, its previous use has expired, or its previous claim
 * is still unfinished after `leaseSeconds` (that request died before it committed anything). Taking a
 * claim over gives the row a new id, so a request that was only slow can no longer complete it. The
 * unique index decides between concurrent claims, so exactly one of N simultaneous duplicates wins.
 * `existing` can be null when the holder committed after this statement's snapshot: the caller treats
 * that as in flight.
 */
export async function claimIdempotencyKey(
  apiKeyId: string,
  key: string,
  requestHash: string,
  expiresAt: Date,
  leaseSeconds: number,
): Promise<IdempotencyClaim> {
  const rows = await db.$queryRaw<Array<IdempotencyRow & { claimed: boolean }>>`
    WITH claim AS (
      INSERT INTO "IdempotencyRecord" ("id", "apiKeyId", "key", "requestHash", "expiresAt")
      VALUES (${randomUUID()}, ${apiKeyId}, ${key}, ${requestHash}, ${expiresAt})
      ON CONFLICT ("apiKeyId", "key") DO UPDATE
        SET "id" = EXCLUDED."id", "requestHash" = EXCLUDED."requestHash", "expiresAt" = EXCLUDED."expiresAt",
            "createdAt" = now(), "responseStatus" = NULL, "responseBody" = NULL, "responseHeaders" = NULL,
            "completedAt" = NULL
        WHERE "IdempotencyRecord"."expiresAt" <= now()
           OR ("IdempotencyRecord"."completedAt" IS NULL
               AND "IdempotencyRecord"."createdAt" <= now() - make_interval(secs => ${leaseSeconds}))
      RETURNING "id"
    )
    SELECT "id", true AS "claimed", NULL AS "requestHash", NULL::int AS "responseStatus",
           NULL::jsonb AS "responseBody", NULL::jsonb AS "responseHeaders", NULL::timestamptz AS "completedAt"
      FROM claim
    UNION ALL
    SELECT "id", false, "requestHash", "responseStatus", "responseBody", "responseHeaders", "completedAt"
      FROM "IdempotencyRecord"
     WHERE "apiKeyId" = ${apiKeyId} AND "key" = ${key} AND NOT EXISTS (SELECT 1 FROM claim)`;
  const row = rows[0];
  if (!row) return { claimed: false, existing: null };
  const { claimed, ...existing } = row;
  return claimed ? { claimed: true, id: row.id } : { claimed: false, existing };
}

/**
 * Stores the answer on a claim this request still holds; false when it holds it no longer (completed
 * already, or taken over after its lease). Pass the booking's transaction to make answer and booking
 * one commit.
 */
export async function completeIdempotencyRecord(
  id: string,
  answer: { status: number; body: unknown; headers?: Record<string, string> },
  client: IdempotencyTx | typeof db = db,
): Promise<boolean> {
  const { count } = await client.idempotencyRecord.updateMany({
    where: { id, completedAt: null },
    data: {
      responseStatus: answer.status,
      responseBody: (answer.body ?? null) as Prisma.InputJsonValue,
      responseHeaders: answer.headers ?? {},
      completedAt: new Date(),
    },
  });
  return count === 1;
}

/** Forgets a claim whose request failed unexpectedly, so the client can retry with the same key. */
export async function releaseIdempotencyRecord(id: string): Promise<void> {
  await db.idempotencyRecord.deleteMany({ where: { id, completedAt: null } });
}
