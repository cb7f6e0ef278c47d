/** The header that carries one id per request from the edge, through the app, into every log line. */
export const REQUEST_ID_HEADER = "x-request-id";

// Ids from a proxy end up in log lines and response headers: accept only short, printable tokens
// (UUIDs, ULIDs, hex trace ids, "Root=1-…" style ids) so nobody can inject newlines or megabytes.
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:=+/-]{0,127}$/;

export function isSaneRequestId(value: string | null | undefined): value is string {
  return typeof value === "string" && SANE_REQUEST_ID.test(value);
}

/**
 * The id for this request: the incoming one only when a trusted proxy in front of us sets it (otherwise
 * any client could choose ids and forge correlations), else a fresh random UUID.
 */
export function resolveRequestId(incoming: string | null | undefined, trustProxy: boolean): string {
  return trustProxy && isSaneRequestId(incoming) ? incoming : crypto.randomUUID();
}
