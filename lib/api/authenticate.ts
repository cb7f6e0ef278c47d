import { touchApiKey } from "@/lib/api-keys/mutations";
import { hashApiKey, lookupPrefixOf } from "@/lib/api-keys/secret";
import type { TApiKeyScope } from "@/lib/api-keys/schema";
import type { Role, UserActor } from "@/lib/auth/actor";
import { canAny, type PermissionNeed } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { apiRequestsPerKey } from "@/lib/rate-limit/policies";
import { findApiKeyTakingAllowance } from "@/lib/rate-limit/take-allowance";
import { rateLimitState, type RateLimitState } from "@/lib/rate-limit/window";

/** Who is calling: the key, its scopes, and its owner, as whom the key acts. */
export type ApiPrincipal = {
  apiKeyId: string;
  scopes: ReadonlySet<string>;
  actor: UserActor & { apiKeyId: string };
  owner: { id: string; name: string; email: string; role: Role };
};

const BEARER = /^Bearer ([^\s]+)$/i;

function unauthorized(detail: string): AppError {
  return new AppError("UNAUTHORIZED", detail, [], { "WWW-Authenticate": 'Bearer realm="pamper-book"' });
}

/**
 * Authenticates `Authorization: Bearer pb_…` and counts the request against the key's rate limit (one
 * round trip for both; the caller decides on 429, so the request is logged with its key). Throws 401. Session cookies are
 * deliberately ignored: a third party's request must never ride on a signed-in browser (no CSRF surface on
 * /api/v1). The key is found by its SHA-256 (a unique index); comparing digests leaks nothing useful
 * about the secret, so no constant-time comparison is needed.
 */
export async function authenticate(request: Request, now = new Date()): Promise<{ principal: ApiPrincipal; rateLimit: RateLimitState }> {
  const header = request.headers.get("authorization");
  if (!header) throw unauthorized("Send an API key in the Authorization header: `Authorization: Bearer pb_…`.");
  const scheme = /^(\S+)\s/.exec(header.trim())?.[1];
  if (scheme && scheme.toLowerCase() !== "bearer") {
    throw unauthorized(`The Authorization scheme must be Bearer, not ${scheme.slice(0, 20)}: \`Authorization: Bearer pb_…\`.`);
  }
  const key = BEARER.exec(header.trim())?.[1];
  if (!key || !lookupPrefixOf(key)) throw unauthorized("The API key is malformed: send `Authorization: Bearer pb_…`.");
  const row = await findApiKeyTakingAllowance(hashApiKey(key), now);
  // One message for unknown, revoked and expired keys would hide why; these say why without leaking more
  // than the caller (who holds the key) already knows.
  if (!row) throw unauthorized("The API key is not valid.");
  if (row.revokedAt) throw unauthorized("The API key has been revoked.");
  if (row.expiresAt && row.expiresAt <= now) throw unauthorized("The API key has expired.");
  if (row.ownerDisabledAt) throw unauthorized("The API key's account is disabled.");
  // The statement counts exactly the keys that pass the three checks above; a key it did not count is not live.
  if (row.requestCount === null) throw unauthorized("The API key is not valid.");
  const rateLimit = rateLimitState(apiRequestsPerKey, row.requestCount, now);
  touchApiKey(row.id, now).catch((error: unknown) => logger.warn({ err: error }, "could not record API key use"));
  const owner = { id: row.ownerId, name: row.ownerName, email: row.ownerEmail, role: row.ownerRole };
  return {
    principal: {
      apiKeyId: row.id,
      scopes: new Set(row.scopes),
      actor: { kind: "user", userId: owner.id, role: owner.role, apiKeyId: row.id },
      owner,
    },
    rateLimit,
  };
}

/**
 * A key acts as its owner, narrowed by its scopes: a request passes only when the key carries `scope` and
 * the owner's role holds `permission` in the permission table.
 */
export function authorizeKey(principal: ApiPrincipal, access: ApiAccess): void {
  if (access.scope && !principal.scopes.has(access.scope))
    throw new AppError("FORBIDDEN", `This API key lacks the "${access.scope}" scope.`);
  if (access.permission && !canAny(principal.owner.role, access.permission)) {
    throw new AppError("FORBIDDEN", "This API key's account does not have permission to do this.");
  }
}

export type ApiAccess = {
  /** The scope the key needs; omitted = any valid key. */
  scope?: TApiKeyScope;
  /** What the owner's role must hold; omitted = any role. */
  permission?: PermissionNeed;
};
