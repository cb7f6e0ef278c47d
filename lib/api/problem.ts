import { isDatabaseUnavailable } from "@/lib/db-errors";
import { errorCodes, isAppError, type ErrorCode, type FieldError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** RFC 9457 problem details, plus our stable `code` and field-level `errors`. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors: FieldError[];
};

// Long enough for a restarting database or a drained pool; short enough for a booking to still matter.
const RETRY_AFTER_SECONDS = "5";

/** A stable, documented URI per code: clients may link or switch on it (docs/API.md lists them). */
export function problemType(code: string): string {
  return `/docs/api#error-${code.toLowerCase().replaceAll("_", "-")}`;
}

function makeProblem(code: ErrorCode, detail: string, errors: FieldError[] = []): Problem {
  const { status, title } = errorCodes[code];
  return { type: problemType(code), title, status, detail, code, errors };
}

/**
 * The ONE place where anything thrown becomes a problem. Only an AppError carries its message out; a
 * database that is down or overloaded is a 503 the client may retry (as /api/ready says); anything else
 * is a bug, so the client gets a generic 500 (never a stack trace) and the log gets the details.
 */
export function problemFromError(error: unknown): { problem: Problem; headers: Record<string, string> } {
  if (isAppError(error)) return { problem: makeProblem(error.code, error.message, error.fieldErrors), headers: error.headers };
  if (isDatabaseUnavailable(error)) {
    return {
      problem: makeProblem("DATABASE_UNAVAILABLE", "The database is unavailable or overloaded; retry shortly."),
      headers: { "Retry-After": RETRY_AFTER_SECONDS },
    };
  }
  return { problem: makeProblem("INTERNAL", "Something went wrong on our side; it has been logged."), headers: {} };
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}

/** The problem+json response for anything a route threw; a 5xx is a bug or an outage, so it is logged. */
export function errorResponse(error: unknown, requestId: string | undefined): Response {
  const { problem, headers } = problemFromError(error);
  if (problem.status >= 500) logger.error({ err: error, requestId }, "API request failed");
  return problemResponse(problem, headers);
}
