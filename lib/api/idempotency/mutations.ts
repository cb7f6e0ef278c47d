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

/**
 * Claims (apiKeyId, key) for this request. Returns the new row's id when this request owns the key (first
 * use, or the previous use has expired), or null when another request already holds it. The unique index
 * decides between concurrent claims, so exactly one of N simultaneous duplicates wins.
 */
export async function claimIdempotencyKey(apiKeyId: string, key: string, requestHash: string, expiresAt: Date): Promise<string | null> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "IdempotencyRecord" ("id", "apiKeyId", "key", "requestHash", "expiresAt")
    VALUES (${randomUUID()}, ${apiKeyId}, ${key}, ${requestHash}, ${expiresAt})
    ON CONFLICT ("apiKeyId", "key") DO UPDATE
      SET "requestHash" = EXCLUDED."requestHash", "expiresAt" = EXCLUDED."expiresAt", "createdAt" = now(),
          "responseStatus" = NULL, "responseBody" = NULL, "completedAt" = NULL
      WHERE "IdempotencyRecord"."expiresAt" <= now()
    RETURNING "id"`;
  return rows[0]?.id ?? null;
}

export async function findIdempotencyRecord(apiKeyId: string, key: string): Promise<IdempotencyRow | null> {
  return db.idempotencyRecord.findUnique({
    where: { apiKeyId_key: { apiKeyId, key } },
    select: { id: true, requestHash: true, responseStatus: true, responseBody: true, completedAt: true },
  });
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
