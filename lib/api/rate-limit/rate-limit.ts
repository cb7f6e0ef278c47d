import { ApiError } from "@/lib/api/api-error";
import { deleteRateLimitWindowsBefore } from "@/lib/api/rate-limit/mutations";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

const WINDOW_SECONDS = 60;
const WINDOW_MS = WINDOW_SECONDS * 1000;
// Old windows are swept by a small share of requests instead of a scheduled job the app does not have.
const SWEEP_PROBABILITY = 0.01;
/** Counter rows of API keys are named `api-key:<key id>`. */
export const API_KEY_COUNTER_PREFIX = "api-key:";

export type RateLimitState = { limit: number; count: number; remaining: number; resetSeconds: number; headers: Record<string, string> };

/** The start of the fixed window `now` falls in. */
export function rateLimitWindowStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
}

/** Headers per draft-ietf-httpapi-ratelimit-headers: the policy, and what is left in this window. */
function headersFor(limit: number, remaining: number, resetSeconds: number): Record<string, string> {
  return {
    "RateLimit-Policy": `"per-key";q=${limit};w=${WINDOW_SECONDS}`,
    RateLimit: `"per-key";r=${remaining};t=${resetSeconds}`,
  };
}

/**
 * The state after a request numbered `count` in the window starting at `windowStart` (counted by
 * findApiKeyCountingRequest), with its RateLimit headers.
 */
export function rateLimitState(count: number, windowStart: Date, now: Date): RateLimitState {
  const limit = env().API_RATE_LIMIT_PER_MINUTE;
  const resetSeconds = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
  const remaining = Math.max(0, limit - count);
  if (Math.random() < SWEEP_PROBABILITY) {
    deleteRateLimitWindowsBefore(new Date(windowStart.getTime() - WINDOW_MS)).catch((error: unknown) =>
      logger.warn({ err: error }, "rate limit sweep failed"),
    );
  }
  return { limit, count, remaining, resetSeconds, headers: headersFor(limit, remaining, resetSeconds) };
}

/** 429 with Retry-After once the window's limit is spent. */
export function assertWithinRateLimit({ limit, count, resetSeconds, headers }: RateLimitState): void {
  if (count > limit) {
    throw new ApiError("RATE_LIMITED", `Rate limit of ${limit} requests per minute exceeded; retry in ${resetSeconds} s.`, [], {
      ...headers,
      "Retry-After": String(resetSeconds),
    });
  }
}
