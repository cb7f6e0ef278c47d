import { ApiError } from "@/lib/api/api-error";
import { deleteRateLimitWindowsBefore, incrementRateLimitCounter } from "@/lib/api/rate-limit/mutations";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

const WINDOW_SECONDS = 60;
// Old windows are swept by a small share of requests instead of a scheduled job the app does not have.
const SWEEP_PROBABILITY = 0.01;

export type RateLimitState = { limit: number; remaining: number; resetSeconds: number; headers: Record<string, string> };

/** Headers per draft-ietf-httpapi-ratelimit-headers: the policy, and what is left in this window. */
function headersFor(limit: number, remaining: number, resetSeconds: number): Record<string, string> {
  return {
    "RateLimit-Policy": `"per-key";q=${limit};w=${WINDOW_SECONDS}`,
    RateLimit: `"per-key";r=${remaining};t=${resetSeconds}`,
  };
}

/** Counts the request against the key's window; throws 429 (with Retry-After) once the limit is spent. */
export async function checkRateLimit(apiKeyId: string, now = new Date()): Promise<RateLimitState> {
  const limit = env().API_RATE_LIMIT_PER_MINUTE;
  const windowMs = WINDOW_SECONDS * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const count = await incrementRateLimitCounter(`api-key:${apiKeyId}`, windowStart);
  const resetSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  const remaining = Math.max(0, limit - count);
  const headers = headersFor(limit, remaining, resetSeconds);
  if (Math.random() < SWEEP_PROBABILITY) {
    deleteRateLimitWindowsBefore(new Date(windowStart.getTime() - windowMs)).catch((error: unknown) =>
      logger.warn({ err: error }, "rate limit sweep failed"),
    );
  }
  if (count > limit) {
    throw new ApiError("RATE_LIMITED", `Rate limit of ${limit} requests per minute exceeded; retry in ${resetSeconds} s.`, [], {
      ...headers,
      "Retry-After": String(resetSeconds),
    });
  }
  return { limit, remaining, resetSeconds, headers };
}
