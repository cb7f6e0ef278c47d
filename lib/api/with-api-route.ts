import { ApiError } from "@/lib/api/api-error";
import { authenticate, requireScope, type ApiPrincipal } from "@/lib/api/authenticate";
import { idempotencyKeyOf, requestHash, runIdempotently } from "@/lib/api/idempotency/idempotency";
import { problemFromError, problemResponse } from "@/lib/api/problem";
import { checkRateLimit } from "@/lib/api/rate-limit/rate-limit";
import { parseJsonText, readJsonBodyText } from "@/lib/api/read-body";
import { requestIdFor } from "@/lib/api/request-id";
import type { ApiResult } from "@/lib/api/result";
import type { TApiKeyScope } from "@/lib/api-keys/schema";
import { logger } from "@/lib/logger";

export type RouteContext<P> = { params: Promise<P> };

export type ApiHandlerArgs<P> = {
  request: Request;
  principal: ApiPrincipal;
  params: P;
  requestId: string;
  /** The parsed JSON body (undefined when empty); size, content type and syntax are already checked. */
  body: unknown;
};

type RouteOptions = {
  /** The scope the key needs; omitted = any valid key. */
  scope?: TApiKeyScope;
};

const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Every /api/v1 route goes through here, so each answers the same way: request id, key authentication,
 * per-key rate limit, scope check, body limits, Idempotency-Key on POST, problem+json errors, one log
 * line per request. Handlers only validate, call the core and shape the result.
 */
export function withApiRoute<P = Record<string, never>>(
  options: RouteOptions,
  handler: (args: ApiHandlerArgs<P>) => Promise<ApiResult>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdFor(request);
    let headers: Record<string, string> = {};
    let principal: ApiPrincipal | undefined;
    let response: Response;
    try {
      principal = await authenticate(request);
      headers = (await checkRateLimit(principal.apiKeyId)).headers;
      if (options.scope) requireScope(principal, options.scope);
      const bodyText = METHODS_WITH_BODY.has(request.method) ? await readJsonBodyText(request) : "";
      const args: ApiHandlerArgs<P> = {
        request,
        principal,
        params: await context.params,
        requestId,
        body: parseJsonText(bodyText),
      };
      const key = request.method === "POST" ? idempotencyKeyOf(request) : undefined;
      const run = () => handler(args);
      const result = key
        ? await runIdempotently(principal.apiKeyId, key, requestHash(request, bodyText), run)
        : await run();
      response = toResponse(request, result);
    } catch (error) {
      response = errorResponse(error, requestId);
    }
    return finish(request, response, { ...headers, "X-Request-Id": requestId }, started, principal);
  };
}

/** A route open to anyone (the spec, unknown paths): same request id, logging and error shape. */
export function withPublicApiRoute(handler: (request: Request) => Promise<Response> | Response) {
  return async (request: Request): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdFor(request);
    let response: Response;
    try {
      response = await handler(request);
    } catch (error) {
      response = errorResponse(error, requestId);
    }
    return finish(request, response, { "X-Request-Id": requestId }, started);
  };
}

function toResponse(request: Request, result: ApiResult): Response {
  const headers: Record<string, string> = { "Cache-Control": "private, no-cache", ...result.headers };
  const etag = headers.ETag;
  if (request.method === "GET" && etag && request.headers.get("if-none-match") === etag) {
    return new Response(null, { status: 304, headers });
  }
  if (result.status === 204) return new Response(null, { status: 204, headers });
  headers["Content-Type"] = result.problem ? "application/problem+json" : "application/json";
  return new Response(JSON.stringify(result.body), { status: result.status, headers });
}

function errorResponse(error: unknown, requestId: string): Response {
  const { problem, headers } = problemFromError(error);
  if (problem.status >= 500) logger.error({ err: error, requestId }, "API request failed");
  return problemResponse(problem, headers);
}

function finish(request: Request, response: Response, extra: Record<string, string>, started: number, principal?: ApiPrincipal): Response {
  for (const [name, value] of Object.entries(extra)) response.headers.set(name, value);
  const { pathname } = new URL(request.url);
  logger.info(
    {
      requestId: extra["X-Request-Id"],
      method: request.method,
      path: pathname,
      status: response.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      apiKeyId: principal?.apiKeyId,
    },
    "api request",
  );
  return response;
}

/** The handler for a method a route does not support: 405 with the methods it does (RFC 9110 Allow). */
export function methodNotAllowed(allow: string) {
  return withPublicApiRoute((request) => {
    throw new ApiError("METHOD_NOT_ALLOWED", `${request.method} is not supported here; use ${allow}.`, [], { Allow: allow });
  });
}
