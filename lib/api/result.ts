/** What a route handler returns; `withApiRoute` turns it into a Response (and may store it for replay). */
export type ApiResult = {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** The body is a problem document (a replayed error): sent as application/problem+json. */
  problem?: boolean;
};

export function ok(body: unknown, headers?: Record<string, string>): ApiResult {
  return { status: 200, body, headers };
}

export function created(body: unknown, headers?: Record<string, string>): ApiResult {
  return { status: 201, body, headers };
}

/** Taken on: the work (e.g. a webhook send) happens after the response. */
export function accepted(body: unknown): ApiResult {
  return { status: 202, body };
}
