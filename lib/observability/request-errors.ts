import { logger } from "@/lib/logger";
import { metrics } from "./metrics";
import { REQUEST_ID_HEADER } from "./request-id";

export type RequestErrorInfo = { path: string; method: string; headers: NodeJS.Dict<string | string[]> };
export type RequestErrorContext = { routePath: string; routeType: string };

/**
 * Next's `onRequestError` hook: every uncaught error in a page render, route handler, server action or the
 * proxy lands here, whether or not the route is wrapped in `withMetrics`. One error line with the request
 * id (to find the request's other lines) and one count per route pattern for the alert rules.
 */
export function recordRequestError(error: unknown, request: RequestErrorInfo, context: RequestErrorContext): void {
  const header = request.headers[REQUEST_ID_HEADER];
  const requestId = Array.isArray(header) ? header[0] : header;
  const digest = (error as { digest?: unknown } | null)?.digest;
  logger.error(
    { err: error, requestId, route: context.routePath, routeType: context.routeType, method: request.method, digest },
    "unhandled error while handling a request",
  );
  metrics().requestErrors.inc({ route: context.routePath, route_type: context.routeType });
}
