import type { RateLimitPolicy } from "./policies";

export type RateLimitState = { limit: number; count: number; remaining: number; resetSeconds: number; headers: Record<string, string> };

export function counterKey(policy: RateLimitPolicy, subject: string): string {
  return `${policy.counter}:${subject}`;
}

/** The start of the policy's fixed window that `now` falls in. */
export function windowStartOf(policy: RateLimitPolicy, now: Date): Date {
  return new Date(Math.floor(now.getTime() / policy.windowMs) * policy.windowMs);
}

/** Whole seconds until the window `now` falls in ends (at least 1). */
export function secondsUntilReset(policy: RateLimitPolicy, now: Date): number {
  return Math.max(1, Math.ceil((windowStartOf(policy, now).getTime() + policy.windowMs - now.getTime()) / 1000));
}

/** The state after the request numbered `count` in its window, with headers per draft-ietf-httpapi-ratelimit-headers. */
export function rateLimitState(policy: RateLimitPolicy, count: number, now: Date): RateLimitState {
  const { limit } = policy;
  const resetSeconds = secondsUntilReset(policy, now);
  const remaining = Math.max(0, limit - count);
  const headers = {
    "RateLimit-Policy": `"${policy.name}";q=${limit};w=${policy.windowMs / 1000}`,
    RateLimit: `"${policy.name}";r=${remaining};t=${resetSeconds}`,
  };
  return { limit, count, remaining, resetSeconds, headers };
}

export function isOverRateLimit({ limit, count }: RateLimitState): boolean {
  return count > limit;
}
