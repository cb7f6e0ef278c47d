import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { keyExpiryProblem } from "@/lib/api-keys/expiry";
import { generateApiKey } from "@/lib/api-keys/secret";
import { ADMIN_ONLY_SCOPES, ZCreateApiKeyInput, type TCreateApiKeyInput } from "@/lib/api-keys/schema";
import { can } from "@/lib/auth/permissions";
import { AppError, orNotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";

const keyLabel = (key: { name: string; prefix: string }) => `${key.name} (${key.prefix}…)`;

/**
 * Creates a key and returns its secret: the only time it exists outside the caller's hands. The rules
 * live here, so the dashboard, the CLI and any future door enforce the same ones.
 */
export async function createApiKey(
  actor: Actor,
  input: TCreateApiKeyInput,
  now = new Date(),
): Promise<{ id: string; key: string; prefix: string }> {
  const parsed = parseInput(ZCreateApiKeyInput, input);
  const owner = orNotFound(
    await db.user.findUnique({ where: { id: parsed.ownerId }, select: { id: true, role: true } }),
    "The key's owner does not exist.",
  );
  // Checked here, so the dashboard and the operator CLI refuse the same keys.
  const adminScopes = parsed.scopes.filter((scope) => ADMIN_ONLY_SCOPES.includes(scope));
  if (adminScopes.length > 0 && !can(owner.role, "apiKeys.adminScopes")) {
    throw new AppError("FORBIDDEN", `Only an admin's key may carry ${adminScopes.join(", ")}.`, [
      { path: "scopes", message: "Not for this account's role." },
    ]);
  }
  const expiryProblem = keyExpiryProblem(parsed.expiresAt, can(owner.role, "dashboard.access"), now);
  if (expiryProblem) throw new AppError("VALIDATION", expiryProblem, [{ path: "expiresOn", message: expiryProblem }]);
  const { key, prefix, hashedKey } = generateApiKey();
  const id = await db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { name: parsed.name, ownerId: parsed.ownerId, scopes: parsed.scopes, expiresAt: parsed.expiresAt ?? null, prefix, hashedKey },
      select: { id: true, name: true, ownerId: true, scopes: true, expiresAt: true, prefix: true },
    });
    const { id: keyId, ...after } = row;
    await recordAudit(tx, actor, { entity: { kind: "api-key", id: keyId, label: keyLabel(after) }, action: "created", after });
    return keyId;
  });
  return { id, key, prefix };
}

/**
 * Revokes every live key of one owner inside the caller's transaction (disabling an account, a password
 * reset or "sign out everywhere" that asked for it). Returns how many were revoked.
 */
export async function revokeKeysOwnedBy(tx: Prisma.TransactionClient, actor: Actor, ownerId: string, now = new Date()): Promise<number> {
  const live = await tx.apiKey.findMany({ where: { ownerId, revokedAt: null }, select: { id: true, name: true, prefix: true } });
  await tx.apiKey.updateMany({ where: { id: { in: live.map((key) => key.id) } }, data: { revokedAt: now } });
  for (const key of live) {
    await recordAudit(tx, actor, {
      entity: { kind: "api-key", id: key.id, label: keyLabel(key) },
      action: "revoked",
      before: { revokedAt: null },
      after: { revokedAt: now },
    });
  }
  return live.length;
}

/** Revokes a key (kept for the audit trail). Revoking twice keeps the first revocation time. */
export async function revokeApiKey(actor: Actor, id: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const key = orNotFound(
      await tx.apiKey.findUnique({ where: { id }, select: { revokedAt: true, name: true, prefix: true } }),
      `No API key with id ${id}.`,
    );
    if (key.revokedAt) return;
    await tx.apiKey.update({ where: { id }, data: { revokedAt: now } });
    await recordAudit(tx, actor, {
      entity: { kind: "api-key", id: id, label: keyLabel(key) },
      action: "revoked",
      before: { revokedAt: null },
      after: { revokedAt: now },
    });
  });
}

// Writing lastUsedAt on every request would turn each read into a write; once a minute is enough to
// answer "is this key still in use?".
const TOUCH_INTERVAL_MS = 60_000;

// Per process, when each key was last recorded, so most requests skip even the conditional UPDATE.
const lastTouched = new Map<string, number>();

export async function touchApiKey(id: string, now = new Date()): Promise<void> {
  if (now.getTime() - (lastTouched.get(id) ?? 0) < TOUCH_INTERVAL_MS) return;
  lastTouched.set(id, now.getTime());
  await db.apiKey.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - TOUCH_INTERVAL_MS) } }] },
    data: { lastUsedAt: now },
  });
}
