import { authenticate, authorizeKey, type ApiAccess, type ApiPrincipal } from "@/lib/api/authenticate";
import { idempotencyKeyOf, requestHash, runIdempotently, type IdempotencyCompletion } from "@/lib/api/idempotency/idempotency";
import { errorResponse } from "@/lib/api/problem";
import { assertWithinRateLimit } from "@/lib/api/rate-limit/rate-limit";
import { parseJsonText, readJsonBodyText } from "@/lib/api/read-body";
import { requestIdFor } from "@/lib/api/request-id";
import { apiRoutePattern } from "@/lib/api/route-pattern";
import type { ApiResult } from "@/lib/api/result";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/observability/metrics";
import { runWithRequestContext } from "@/lib/observability/request-context";
import { apiSecurityHeaders } from "@/lib/observability/security-headers";

export type RouteContext<P> = { params: Promise<P> };

export type ApiHandlerArgs<P> = {
  request: Request;
  principal: ApiPrincipal;
  params: P;
  requestId: string;
  /** The parsed JSON body (undefined when empty); size, content type and syntax are already checked. */
  body: unknown;
  /** Set on a POST with an Idempotency-Key: store the answer in the handler's own transaction. */
  idempotency?: IdempotencyCompletion;
};

const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Every /api/v1 route goes through here, so each answers the same way: request id, key authentication,
 * per-key rate limit (counted with the key lookup), scope and permission check, body limits, Idempotency-Key on POST,
 * problem+json errors, one log line per request. Handlers only validate, call the core and shape the result.
 */
export function withApiRoute<P = Record<string, never>>(options: ApiAccess, handler: (args: ApiHandlerArgs<P>) => Promise<ApiResult>) {
  return (request: Request, context: RouteContext<P>): Promise<Response> =>
    serve(request, async (requestId) => {
      let headers: Record<string, string> = {};
      let principal: ApiPrincipal | undefined;
      try {
        const authenticated = await authenticate(request);
        principal = authenticated.principal;
        headers = authenticated.rateLimit.headers;
        assertWithinRateLimit(authenticated.rateLimit);
        authorizeKey(principal, options);
        const bodyText = METHODS_WITH_BODY.has(request.method) ? await readJsonBodyText(request) : "";
        const args: ApiHandlerArgs<P> = {
          request,
          principal,
          params: await context.params,
          requestId,
          body: parseJsonText(bodyText),
        };
        const key = request.method === "POST" ? idempotencyKeyOf(request) : undefined;
        const result = key
          ? await runIdempotently(principal.apiKeyId, key, requestHash(request, bodyText), (idempotency) =>
              handler({ ...args, idempotency }),
            )
          : await handler(args);
        return { response: toResponse(request, result), headers, principal };
      } catch (error) {
        return { response: errorResponse(error, requestId), headers, principal };
      }
    });
}

/** A route open to anyone (the spec, unknown paths): same request id, logging and error shape. */
export function withPublicApiRoute(handler: (request: Request) => Promise<Response> | Response) {
  return (request: Request): Promise<Response> =>
    serve(request, async (requestId) => {
      try {
        return { response: await handler(request) };
      } catch (error) {
        return { response: errorResponse(error, requestId) };
      }
    });
}

type Served = { response: Response; headers?: Record<string, string>; principal?: ApiPrincipal };

const securityHeaders = apiSecurityHeaders({ production: process.env.NODE_ENV === "production" });

/**
 * What every /api/v1 response shares (the proxy does not run for these routes): a request id visible to
 * everything below through the request context, the security headers, one log line, and the duration
 * in http_request_duration_seconds under the route pattern.
 */
async function serve(request: Request, respond: (requestId: string) => Promise<Served>): Promise<Response> {
  const started = performance.now();
  const requestId = requestIdFor(request);
  const { pathname } = new URL(request.url);
  const route = apiRoutePattern(pathname);
  const { response, headers, principal } = await runWithRequestContext({ requestId, route }, () => respond(requestId));
  for (const [name, value] of Object.entries({ ...securityHeaders, ...headers, "X-Request-Id": requestId }))
    response.headers.set(name, value);
  const seconds = (performance.now() - started) / 1000;
  metrics().httpDuration.observe({ method: request.method, route, status: String(response.status) }, seconds);
  logger.info(
    {
      requestId,
      method: request.method,
      path: pathname,
      status: response.status,
      durationMs: Math.round(seconds * 10_000) / 10,
      apiKeyId: principal?.apiKeyId,
    },
    "api request",
  );
  return response;
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

/** The handler for a method a route does not support: 405 with the methods it does (RFC 9110 Allow). */
export function methodNotAllowed(allow: string) {
  return withPublicApiRoute((request) => {
    throw new AppError("METHOD_NOT_ALLOWED", `${request.method} is not supported here; use ${allow}.`, [], { Allow: allow });
  });
}
