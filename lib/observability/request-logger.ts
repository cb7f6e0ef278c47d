import type { Logger } from "pino";
import { childLogger, logger } from "@/lib/logger";
import { currentRequestContext } from "./request-context";
import { REQUEST_ID_HEADER } from "./request-id";

type Bindings = Record<string, unknown>;

/**
 * A logger whose every line carries this request's id. Inside `withMetrics` (route handlers) and
 * `runWithRequestContext` (jobs) the id comes from the async context; in server actions and server
 * components it comes from the request header the proxy set. Outside any request it is the base logger.
 */
export async function getRequestLogger(bindings: Bindings = {}): Promise<Logger> {
  const requestId = currentRequestContext()?.requestId ?? (await requestIdFromHeaders());
  return childLogger(logger, { ...(requestId ? { requestId } : {}), ...bindings });
}

/** The synchronous variant for code that holds the Request (route handlers not wrapped in `withMetrics`). */
export function loggerForRequest(request: Request, bindings: Bindings = {}): Logger {
  const requestId = request.headers.get(REQUEST_ID_HEADER) ?? currentRequestContext()?.requestId;
  return childLogger(logger, { ...(requestId ? { requestId } : {}), ...bindings });
}

/**
 * For Inngest functions: the id of the request that caused the event when the event carries it
 * (`data.requestId`), else the event id, so a job's lines can be joined to the booking that queued it.
 */
export function loggerForEvent(event: { id?: string; name?: string; data?: unknown }, bindings: Bindings = {}): Logger {
  const data = event.data as { requestId?: unknown } | undefined;
  const requestId = typeof data?.requestId === "string" ? data.requestId : event.id;
  return childLogger(logger, { ...(requestId ? { requestId } : {}), eventId: event.id, eventName: event.name, ...bindings });
}

async function requestIdFromHeaders(): Promise<string | undefined> {
  try {
    // Imported lazily: next/headers only works inside a request, and jobs or scripts never need it.
    const { headers } = await import("next/headers");
    return (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
  } catch {
    return undefined;
  }
}
