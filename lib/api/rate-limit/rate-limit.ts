import { countRequestInWindow, deleteRateLimitWindowsBefore } from "@/lib/api/rate-limit/mutations";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
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
function headersFor(policy: string, limit: number, remaining: number, resetSeconds: number): Record<string, string> {
  return {
    "RateLimit-Policy": `"${policy}";q=${limit};w=${WINDOW_SECONDS}`,
    RateLimit: `"${policy}";r=${remaining};t=${resetSeconds}`,
  };
}

/**
 * The state after a request numbered `count` in the window starting at `windowStart` (counted by
 * findApiKeyCountingRequest), with its RateLimit headers.
 */
export function rateLimitState(
  count: number,
  windowStart: Date,
  now: Date,
  policy: { name: string; limit: number } = { name: "per-key", limit: env().API_RATE_LIMIT_PER_MINUTE },
): RateLimitState {
  const { limit } = policy;
  const resetSeconds = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
  const remaining = Math.max(0, limit - count);
  if (Math.random() < SWEEP_PROBABILITY) {
    deleteRateLimitWindowsBefore(new Date(windowStart.getTime() - WINDOW_MS)).catch((error: unknown) =>
      logger.warn({ err: error }, "rate limit sweep failed"),
    );
  }
  return { limit, count, remaining, resetSeconds, headers: headersFor(policy.name, limit, remaining, resetSeconds) };
}

/**
 * The same fixed-window limit for callers without an API key (a signed-in user's booking actions, an
 * IP's availability reads): counts this request under `name:subject` and returns the window's state.
 */
export async function takeRateLimit(name: string, subject: string, limit: number, now = new Date()): Promise<RateLimitState> {
  const windowStart = rateLimitWindowStart(now);
  const count = await countRequestInWindow(`${name}:${subject}`, windowStart);
  return rateLimitState(count, windowStart, now, { name, limit });
}

export function isOverRateLimit({ limit, count }: RateLimitState): boolean {
  return count > limit;
}

/** 429 with Retry-After once the window's limit is spent. */
export function assertWithinRateLimit(state: RateLimitState): void {
  const { limit, resetSeconds, headers } = state;
  if (isOverRateLimit(state)) {
    throw new AppError("RATE_LIMITED", `Rate limit of ${limit} requests per minute exceeded; retry in ${resetSeconds} s.`, [], {
      ...headers,
      "Retry-After": String(resetSeconds),
    });
  }
}
