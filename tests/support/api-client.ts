import { assertConformsToSpec } from "./spec-conformance";

/**
 * Calls a Next route handler directly with a real Request (no server): fast, and the handler sees exactly
 * what Next would hand it. `params` are the dynamic segments ([id] → { id }).
 */
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
// Route modules export handlers typed for their own params; the harness only needs them callable.
type AnyHandler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

export type CallOptions = {
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as is (for malformed bodies). */
  body?: unknown;
  params?: Record<string, string>;
};

export async function call(handler: AnyHandler, method: string, path: string, options: CallOptions = {}) {
  const headers = new Headers(options.headers);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(`http://localhost/api/v1${path}`, { method, headers, body });
  const response = await (handler as unknown as Handler)(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  assertConformsToSpec(method, request.url, response.status, response.headers, json);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions read arbitrary JSON
  return { status: response.status, headers: response.headers, body: json as any, contentType: response.headers.get("content-type") };
}
