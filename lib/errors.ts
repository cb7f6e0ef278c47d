import type { z } from "zod";

/**
 * Stable error codes: clients (the API, forms) switch on these, never on messages. The one table of
 * statuses and problem titles; the order is the one /docs/api lists them in within a status.
 */
export const errorCodes = {
  MALFORMED_JSON: { status: 400, title: "Malformed JSON" },
  BAD_REQUEST: { status: 400, title: "Bad Request" },
  UNAUTHORIZED: { status: 401, title: "Unauthorized" },
  FORBIDDEN: { status: 403, title: "Forbidden" },
  NOT_FOUND: { status: 404, title: "Not Found" },
  METHOD_NOT_ALLOWED: { status: 405, title: "Method Not Allowed" },
  SLOT_UNAVAILABLE: { status: 409, title: "Slot Unavailable" },
  CUTOFF_PASSED: { status: 409, title: "Cutoff Passed" },
  INVALID_TRANSITION: { status: 409, title: "Invalid Transition" },
  VERSION_CONFLICT: { status: 409, title: "Version Conflict" },
  CONFLICT: { status: 409, title: "Conflict" },
  BOOKING_LIMIT_REACHED: { status: 409, title: "Booking Limit Reached" },
  WAITLIST_LIMIT_REACHED: { status: 409, title: "Waitlist Limit Reached" },
  IDEMPOTENCY_IN_FLIGHT: { status: 409, title: "Request In Progress" },
  PRECONDITION_FAILED: { status: 412, title: "Precondition Failed" },
  PAYLOAD_TOO_LARGE: { status: 413, title: "Payload Too Large" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: "Unsupported Media Type" },
  VALIDATION: { status: 422, title: "Validation Failed" },
  PATCH_TEST_REQUIRED: { status: 422, title: "Patch Test Required" },
  SLOT_IN_PAST: { status: 422, title: "Slot In The Past" },
  BEFORE_MINIMUM_NOTICE: { status: 422, title: "Before Minimum Notice" },
  BEYOND_HORIZON: { status: 422, title: "Beyond Booking Horizon" },
  OFF_SLOT_GRID: { status: 422, title: "Off The Slot Grid" },
  OUTSIDE_WORKING_HOURS: { status: 422, title: "Outside Working Hours" },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: "Idempotency Key Reused" },
  PRECONDITION_REQUIRED: { status: 428, title: "Precondition Required" },
  RATE_LIMITED: { status: 429, title: "Too Many Requests" },
  INTERNAL: { status: 500, title: "Internal Server Error" },
  PAYMENT_PROVIDER_UNAVAILABLE: { status: 502, title: "Payment Provider Unavailable" },
  DATABASE_UNAVAILABLE: { status: 503, title: "Service Unavailable" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCodes;

export type FieldError = { path: string; message: string };

/**
 * The one error type the product throws on purpose, from a core or from the HTTP edge (bad JSON, a
 * missing If-Match …); anything else is a bug and surfaces as a 500. `headers` go out with the API's
 * problem response (Allow, WWW-Authenticate, Retry-After).
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
    this.status = errorCodes[code].status;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** `value`, or a NOT_FOUND AppError when there is none. */
export function orNotFound<T>(value: T | null | undefined, message: string): T {
  if (value === null || value === undefined) throw new AppError("NOT_FOUND", message);
  return value;
}

/** zod issues as field errors; unknown keys become one error per key so the client sees which. */
export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: "Unknown field" }));
    }
    return [{ path: base, message: issue.message }];
  });
}
