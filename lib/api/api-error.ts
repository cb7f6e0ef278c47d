import type { FieldError } from "@/lib/errors";

/**
 * Errors that only exist at the HTTP edge (bad JSON, wrong content type, missing If-Match …). Domain
 * errors stay AppError; both become one problem+json shape in `problem.ts`.
 */
export const apiErrorCodes = {
  UNAUTHORIZED: { status: 401, title: "Unauthorized" },
  FORBIDDEN: { status: 403, title: "Forbidden" },
  NOT_FOUND: { status: 404, title: "Not Found" },
  METHOD_NOT_ALLOWED: { status: 405, title: "Method Not Allowed" },
  MALFORMED_JSON: { status: 400, title: "Malformed JSON" },
  BAD_REQUEST: { status: 400, title: "Bad Request" },
  PAYLOAD_TOO_LARGE: { status: 413, title: "Payload Too Large" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: "Unsupported Media Type" },
  VALIDATION: { status: 422, title: "Validation Failed" },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: "Idempotency Key Reused" },
  IDEMPOTENCY_IN_FLIGHT: { status: 409, title: "Request In Progress" },
  PRECONDITION_REQUIRED: { status: 428, title: "Precondition Required" },
  PRECONDITION_FAILED: { status: 412, title: "Precondition Failed" },
  RATE_LIMITED: { status: 429, title: "Too Many Requests" },
  INTERNAL: { status: 500, title: "Internal Server Error" },
} as const;

export type ApiErrorCode = keyof typeof apiErrorCodes;

export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = apiErrorCodes[code].status;
  }
}
