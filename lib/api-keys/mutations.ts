import "server-only";
import { db } from "@/lib/db";
import { generateApiKey } from "@/lib/api-keys/secret";
import { ADMIN_ONLY_SCOPES, ZCreateApiKeyInput, type TCreateApiKeyInput } from "@/lib/api-keys/schema";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/** Creates a key and returns its secret: the only time it exists outside the caller's hands. */
export async function createApiKey(input: TCreateApiKeyInput): Promise<{ id: string; key: string; prefix: string }> {
  const parsed = ZCreateApiKeyInput.parse(input);
  const owner = await db.user.findUnique({ where: { id: parsed.ownerId }, select: { id: true, role: true } });
  if (!owner) throw new AppError("NOT_FOUND", "The key's owner does not exist.");
  // Checked here, so the dashboard and the operator CLI refuse the same keys.
  const adminScopes = parsed.scopes.filter((scope) => ADMIN_ONLY_SCOPES.includes(scope));
  if (adminScopes.length > 0 && !can(owner.role, "apiKeys.adminScopes")) {
    throw new AppError("FORBIDDEN", `Only an admin's key may carry ${adminScopes.join(", ")}.`, [{ path: "scopes", message: "Not for this account's role." }]);
  }
  const { key, prefix, hashedKey } = generateApiKey();
  const row = await db.apiKey.create({
    data: {
      name: parsed.name,
      ownerId: parsed.ownerId,
      scopes: parsed.scopes,
      expiresAt: parsed.expiresAt ?? null,
      prefix,
      hashedKey,
    },
    select: { id: true },
  });
  return { id: row.id, key, prefix };
}

/** Revokes a key (kept for the audit trail). Revoking twice keeps the first revocation time. */
export async function revokeApiKey(id: string, now = new Date()): Promise<void> {
  const key = await db.apiKey.findUnique({ where: { id }, select: { revokedAt: true } });
  if (!key) throw new AppError("NOT_FOUND", `No API key with id ${id}.`);
  if (!key.revokedAt) await db.apiKey.update({ where: { id }, data: { revokedAt: now } });
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
