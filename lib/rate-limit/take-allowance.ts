import "server-only";
import { logger } from "@/lib/logger";
import {
  countRequestInWindow,
  deleteCounter,
  deleteRateLimitWindowsBefore,
  findApiKeyCountingRequest,
  uncountRequestInWindow,
  type CountedApiKey,
} from "./mutations";
import { apiRequestsPerKey, LONGEST_WINDOW_MS, type RateLimitPolicy } from "./policies";
import { counterKey, rateLimitState, windowStartOf, type RateLimitState } from "./window";

// Old windows are swept by a small share of requests instead of a scheduled job the app does not have.
const SWEEP_PROBABILITY = 0.01;

/**
 * Drops windows that ended. Only rows older than the longest policy's window go: a sweep triggered by a
 * one-minute policy must not wipe a fifteen-minute sign-in count that is still running.
 */
function maybeSweepOldWindows(now: Date): void {
  if (Math.random() >= SWEEP_PROBABILITY) return;
  deleteRateLimitWindowsBefore(new Date(now.getTime() - LONGEST_WINDOW_MS)).catch((error: unknown) =>
    logger.warn({ err: error }, "rate limit sweep failed"),
  );
}

/**
 * Counts one request of `subject` under `policy` and returns the window's state. Increment-then-compare
 * in one statement, so concurrent requests cannot all slip under the limit.
 */
export async function takeAllowance(policy: RateLimitPolicy, subject: string, now = new Date()): Promise<RateLimitState> {
  const count = await countRequestInWindow(counterKey(policy, subject), windowStartOf(policy, now));
  maybeSweepOldWindows(now);
  return rateLimitState(policy, count, now);
}

export type Allowance = { policy: RateLimitPolicy; subject: string };

/** Counts one request under each allowance (all of them, even past a spent one); true when all still allow it. */
export async function takeAllowances(allowances: Allowance[], now = new Date()): Promise<boolean> {
  let allowed = true;
  for (const { policy, subject } of allowances) {
    const state = await takeAllowance(policy, subject, now);
    if (state.count > state.limit) allowed = false;
  }
  return allowed;
}

/** Gives back the place each allowance took in its current window. */
export async function refundAllowances(allowances: Allowance[], now = new Date()): Promise<void> {
  for (const { policy, subject } of allowances) await uncountRequestInWindow(counterKey(policy, subject), windowStartOf(policy, now));
}

/** Forgets every count of `subject` under `policy`. */
export function clearAllowance(policy: RateLimitPolicy, subject: string): Promise<void> {
  return deleteCounter(counterKey(policy, subject));
}

/** The API key whose SHA-256 is `hashedKey`, with this request counted under apiRequestsPerKey when the key is live. */
export async function findApiKeyTakingAllowance(hashedKey: string, now = new Date()): Promise<CountedApiKey | undefined> {
  const row = await findApiKeyCountingRequest(hashedKey, counterKey(apiRequestsPerKey, ""), windowStartOf(apiRequestsPerKey, now), now);
  maybeSweepOldWindows(now);
  return row;
}
