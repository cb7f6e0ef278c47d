import { AppError, isAppError } from "@/lib/errors";

/**
 * ETags are the resource's version (appointments) or last-update stamp (services): a cheap, exact
 * "has this changed?" without hashing the body.
 */
export function etagOf(token: number | string): string {
  return `"${token}"`;
}

/**
 * The token from If-Match, which PATCH and DELETE require so that a client never overwrites a change it
 * has not seen. Weak tags are accepted (the token is the same); "*" means "whatever is current".
 */
export function requireIfMatch(request: Request): string | "*" {
  const header = request.headers.get("if-match");
  if (!header) {
    throw new AppError("PRECONDITION_REQUIRED", "Send If-Match with the ETag from your last GET of this resource.");
  }
  const value = header.trim();
  if (value === "*") return "*";
  const match = /^(?:W\/)?"([^"]{1,64})"$/.exec(value);
  if (!match) throw new AppError("BAD_REQUEST", 'If-Match must be an entity tag such as "3".');
  return match[1]!;
}

/** If-Match as an appointment version number, or undefined for "*". Non-numbers can never match. */
export function requireIfMatchVersion(request: Request): number | undefined {
  const token = requireIfMatch(request);
  if (token === "*") return undefined;
  const version = Number(token);
  if (!Number.isSafeInteger(version) || version < 1) throw staleEtag();
  return version;
}

export function staleEtag(): AppError {
  return new AppError("PRECONDITION_FAILED", "The resource has changed since your If-Match ETag; GET it again.");
}

/** The core reports a stale expected version as VERSION_CONFLICT; over HTTP that is a failed If-Match. */
export async function withIfMatch<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error) && error.code === "VERSION_CONFLICT") throw staleEtag();
    throw error;
  }
}
