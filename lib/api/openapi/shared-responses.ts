import type { ResponseHeader } from "@/lib/api/openapi/registry";

/** The statuses an /api/v1 operation may document besides its success (and the `default` problem). */
export type ProducedStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 503;

export type SharedResponse = { description: string; headers: ResponseHeader[] };

export type OperationShape = {
  method: "get" | "post" | "patch" | "delete";
  hasParams: boolean;
  etag: boolean;
  scoped: boolean;
  validates: boolean;
};

/**
 * What `withApiRoute` (and the helpers every handler of that method uses) answers, step by step, for an
 * operation of this shape: authentication (401), the rate limit (429), scope and role (403), the body
 * limits of a method with a body (400/413/415), the Idempotency-Key of a POST (400/409/422), the If-Match
 * of PATCH and DELETE (400/412/428), an unknown id (404), validation (422) and a database outage (503).
 * The spec is built from this table, and the contract test drives each step through every operation.
 */
export function sharedErrorResponses(op: OperationShape): {
  notModified: boolean;
  errors: Partial<Record<ProducedStatus, SharedResponse>>;
} {
  const errors: Partial<Record<ProducedStatus, SharedResponse>> = {};
  const add = (status: ProducedStatus, description: string, headers: ResponseHeader[] = []) => {
    const existing = errors[status];
    errors[status] = existing
      ? { description: `${existing.description}; ${description}`, headers: [...new Set([...existing.headers, ...headers])] }
      : { description, headers };
  };
  const hasBody = op.method !== "get";
  if (hasBody) add(400, "MALFORMED_JSON: the body is not JSON");
  if (op.method === "post") add(400, "BAD_REQUEST: a malformed Idempotency-Key");
  if (op.method === "patch" || op.method === "delete") add(400, "BAD_REQUEST: a malformed If-Match");
  add(401, "UNAUTHORIZED: a missing, malformed, revoked or expired API key, or a scheme other than Bearer", ["WWW-Authenticate"]);
  if (op.scoped) add(403, "FORBIDDEN: the key lacks the scope, or its owner the role");
  if (op.hasParams) add(404, "NOT_FOUND: no such id (or not visible to this key)");
  if (op.method === "post") add(409, "IDEMPOTENCY_IN_FLIGHT: a request with this Idempotency-Key is still running");
  if (op.method === "patch" || op.method === "delete") add(412, "PRECONDITION_FAILED: If-Match is stale");
  if (hasBody) {
    add(413, "PAYLOAD_TOO_LARGE: body over 64 KB");
    add(415, "UNSUPPORTED_MEDIA_TYPE: body is not application/json");
  }
  if (op.validates || hasBody) add(422, "VALIDATION: `errors[]` names the fields (unknown fields included)");
  if (op.method === "post") add(422, "IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was used with another body");
  if (op.method === "patch" || op.method === "delete") add(428, "PRECONDITION_REQUIRED: If-Match is missing");
  add(429, "RATE_LIMITED: over the per-key rate limit", ["Retry-After", "RateLimit", "RateLimit-Policy"]);
  add(503, "DATABASE_UNAVAILABLE: retry after Retry-After seconds (the same Idempotency-Key is safe)", ["Retry-After"]);
  return { notModified: op.method === "get" && op.etag, errors };
}
