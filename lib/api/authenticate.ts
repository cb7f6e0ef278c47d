import { ApiError } from "@/lib/api/api-error";
import { findApiKeyByPrefix } from "@/lib/api-keys/data";
import { touchApiKey } from "@/lib/api-keys/mutations";
import { apiKeyMatches, lookupPrefixOf } from "@/lib/api-keys/secret";
import type { TApiKeyScope } from "@/lib/api-keys/schema";
import type { Role, UserActor } from "@/lib/auth/actor";
import { logger } from "@/lib/logger";

/** Who is calling: the key, its scopes, and its owner, as whom the key acts. */
export type ApiPrincipal = {
  apiKeyId: string;
  scopes: ReadonlySet<string>;
  actor: UserActor & { apiKeyId: string };
  owner: { id: string; name: string; email: string; role: Role };
};

const BEARER = /^Bearer ([^\s]+)$/i;

function unauthorized(detail: string): ApiError {
  return new ApiError("UNAUTHORIZED", detail, [], { "WWW-Authenticate": 'Bearer realm="pamper-book"' });
}

/**
 * Authenticates `Authorization: Bearer pb_…`. Session cookies are deliberately ignored: a third party's
 * request must never ride on a signed-in browser (no CSRF surface on /api/v1).
 */
export async function authenticate(request: Request, now = new Date()): Promise<ApiPrincipal> {
  const header = request.headers.get("authorization");
  if (!header) throw unauthorized("Send an API key in the Authorization header: `Authorization: Bearer pb_…`.");
  const key = BEARER.exec(header.trim())?.[1];
  const prefix = key ? lookupPrefixOf(key) : undefined;
  if (!key || !prefix) throw unauthorized("The API key is malformed.");
  const row = await findApiKeyByPrefix(prefix);
  // One message for unknown, revoked and expired keys would hide why; these say why without leaking more
  // than the caller (who holds the key) already knows.
  if (!row || !apiKeyMatches(key, row.hashedKey)) throw unauthorized("The API key is not valid.");
  if (row.revokedAt) throw unauthorized("The API key has been revoked.");
  if (row.expiresAt && row.expiresAt <= now) throw unauthorized("The API key has expired.");
  touchApiKey(row.id, now).catch((error: unknown) => logger.warn({ err: error }, "could not record API key use"));
  return {
    apiKeyId: row.id,
    scopes: new Set(row.scopes),
    actor: { kind: "user", userId: row.owner.id, role: row.owner.role, apiKeyId: row.id },
    owner: row.owner,
  };
}

export function requireScope(principal: ApiPrincipal, scope: TApiKeyScope): void {
  if (!principal.scopes.has(scope)) throw new ApiError("FORBIDDEN", `This API key lacks the "${scope}" scope.`);
}

export function requireRole(principal: ApiPrincipal, roles: readonly Role[], what: string): void {
  if (!roles.includes(principal.owner.role)) {
    throw new ApiError("FORBIDDEN", `Only keys owned by ${roles.join(" or ").toLowerCase()} users may ${what}.`);
  }
}
