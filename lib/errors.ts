/** Stable error codes: clients (the API, forms) switch on these, never on messages. */
export const errorCodes = {
  VALIDATION: 422,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  SLOT_UNAVAILABLE: 409,
  CUTOFF_PASSED: 409,
  INVALID_TRANSITION: 409,
  VERSION_CONFLICT: 409,
  CONFLICT: 409,
  BOOKING_LIMIT_REACHED: 409,
  RATE_LIMITED: 429,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export type FieldError = { path: string; message: string };

/** The one error type the product throws on purpose; anything else is a bug and surfaces as a 500. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = "AppError";
    this.status = errorCodes[code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
