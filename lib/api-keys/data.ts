import "server-only";
import { db } from "@/lib/db";
import type { ApiKeySummary } from "@/lib/api-keys/schema";

/** Every key (optionally one owner's), newest first, without secrets. */
export async function listApiKeys(filter: { ownerId?: string } = {}): Promise<ApiKeySummary[]> {
  const rows = await db.apiKey.findMany({
    where: filter.ownerId ? { ownerId: filter.ownerId } : {},
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    include: { owner: { select: { email: true } } },
  });
  return rows.map(({ hashedKey: _hash, owner, ...row }) => ({ ...row, ownerEmail: owner.email }));
}

/** The user a new key will act as, found by email (the operator CLI names owners by email). */
export function findKeyOwnerByEmail(email: string) {
  return db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, role: true } });
}
