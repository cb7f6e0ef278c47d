import { ApiError, apiErrorCodes } from "@/lib/api/api-error";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { isAppError, type FieldError } from "@/lib/errors";

/** RFC 9457 problem details, plus our stable `code` and field-level `errors`. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors: FieldError[];
};

const TITLES: Record<string, string> = {
  SLOT_UNAVAILABLE: "Slot Unavailable",
  CUTOFF_PASSED: "Cutoff Passed",
  INVALID_TRANSITION: "Invalid Transition",
  VERSION_CONFLICT: "Version Conflict",
  CONFLICT: "Conflict",
  BOOKING_LIMIT_REACHED: "Booking Limit Reached",
  DATABASE_UNAVAILABLE: "Service Unavailable",
};

// Long enough for a restarting database or a drained pool; short enough for a booking to still matter.
const RETRY_AFTER_SECONDS = "5";

/** A stable, documented URI per code: clients may link or switch on it (docs/API.md lists them). */
export function problemType(code: string): string {
  return `/docs/api#error-${code.toLowerCase().replaceAll("_", "-")}`;
}

function titleFor(code: string, status: number): string {
  if (code in apiErrorCodes) return apiErrorCodes[code as keyof typeof apiErrorCodes].title;
  return TITLES[code] ?? (status >= 500 ? "Internal Server Error" : "Request Failed");
}

export function makeProblem(status: number, code: string, detail: string, errors: FieldError[] = []): Problem {
  return { type: problemType(code), title: titleFor(code, status), status, detail, code, errors };
}

/**
 * Turns anything thrown into a problem. Only AppError and ApiError carry their message out; a database
 * that is down or overloaded is a 503 the client may retry (as /api/ready says); anything else is a bug,
 * so the client gets a generic 500 (never a stack trace) and the log gets the details.
 */
export function problemFromError(error: unknown): { problem: Problem; headers: Record<string, string> } {
  if (error instanceof ApiError) {
    return { problem: makeProblem(error.status, error.code, error.message, error.fieldErrors), headers: error.headers };
  }
  if (isAppError(error)) {
    return { problem: makeProblem(error.status, error.code, error.message, error.fieldErrors), headers: {} };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      problem: makeProblem(503, "DATABASE_UNAVAILABLE", "The database is unavailable or overloaded; retry shortly."),
      headers: { "Retry-After": RETRY_AFTER_SECONDS },
    };
  }
  return { problem: makeProblem(500, "INTERNAL", "Something went wrong on our side; it has been logged."), headers: {} };
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}
