import { errorResponse } from "@/lib/api/problem";
import { currentRequestContext } from "@/lib/observability/request-context";
import { withMetrics } from "@/lib/observability/with-metrics";

/**
 * A route handler outside /api/v1 (public or session-bound) whose failures answer as the API's do: an
 * AppError as its problem+json, a database outage as a 503, anything else as a logged, generic 500.
 * The context is a rest tuple so a handler without one can be called with the request alone.
 */
export function withProblemRoute<Context extends unknown[]>(
  route: string,
  handler: (request: Request, ...context: Context) => Promise<Response>,
): (request: Request, ...context: Context) => Promise<Response> {
  const timed = withMetrics(route, async (request, context: Context) => {
    try {
      return await handler(request, ...context);
    } catch (error) {
      return errorResponse(error, currentRequestContext()?.requestId);
    }
  });
  return async (request, ...context) => timed(request, context);
}
