import { AppError } from "@/lib/errors";
import { isOverRateLimit, type RateLimitState } from "@/lib/rate-limit/window";

/** 429 with Retry-After once the key's window is spent. */
export function assertWithinRateLimit(state: RateLimitState): void {
  const { limit, resetSeconds, headers } = state;
  if (isOverRateLimit(state)) {
    throw new AppError("RATE_LIMITED", `Rate limit of ${limit} requests per minute exceeded; retry in ${resetSeconds} s.`, [], {
      ...headers,
      "Retry-After": String(resetSeconds),
    });
  }
}
