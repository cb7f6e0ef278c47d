import { logger } from "@/lib/logger";
import { runWithRequestContext } from "./request-context";
import { REQUEST_ID_HEADER } from "./request-id";
import { metrics } from "./metrics";

type RouteHandler<C> = (request: Request, context: C) => Response | Promise<Response>;

/**
 * Wraps a route handler: records its duration in http_request_duration_seconds under the route
 * *pattern* (never the raw path, whose ids would explode the label set) and runs it inside the request
 * context, so `getRequestLogger()` anywhere below carries the request id.
 */
export function withMetrics<C>(route: string, handler: RouteHandler<C>): RouteHandler<C> {
  return async (request, context) => {
    const started = performance.now();
    // The proxy always sets the id; a handler called directly (tests) gets one of its own.
    const requestId = request.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID();
    let status = 500;
    try {
      const response = await runWithRequestContext({ requestId, route }, () => handler(request, context));
      status = response.status;
      return response;
    } catch (error) {
      logger.error({ err: error, requestId, route }, "unhandled error in route handler");
      throw error;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      metrics().httpDuration.observe({ method: request.method, route, status: String(status) }, seconds);
    }
  };
}
