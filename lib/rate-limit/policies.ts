import { env } from "@/lib/env";
import { secondsUntilReset } from "./window";

/**
 * Every limit of the app as a named fixed-window policy. A policy counts a subject (an account, an IP, an
 * API key) in RateLimitCounter rows named `<counter>:<subject>`, one row per window; `name` is what
 * RateLimit headers call it. Every attempt counts, allowed or not.
 */
export type RateLimitPolicy = {
  readonly name: string;
  readonly counter: string;
  readonly windowMs: number;
  readonly limit: number;
};

const MINUTE_MS = 60_000;
const ACCOUNT_WINDOW_MS = 15 * MINUTE_MS;
/** A counter row is kept this long after its window starts, so a sweep never drops a live count. */
export const LONGEST_WINDOW_MS = ACCOUNT_WINDOW_MS;

// Sign-ins per account and per client IP, so guessing a password is slow whichever axis an attacker varies.
// The per-IP limit is looser because a salon's customers may share one network.
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;
export const signInPerAccount: RateLimitPolicy = {
  name: "sign-in-account",
  counter: "sign-in:account",
  windowMs: ACCOUNT_WINDOW_MS,
  limit: MAX_FAILURES_PER_ACCOUNT,
};
export const signInPerIp: RateLimitPolicy = {
  name: "sign-in-ip",
  counter: "sign-in:ip",
  windowMs: ACCOUNT_WINDOW_MS,
  limit: MAX_FAILURES_PER_IP,
};

// Requests that send an email (register, forgot password, sign-in link, resending a verification link or a
// logged email), per address and per IP, so the forms cannot flood someone's inbox or the mail quota.
export const MAX_REQUESTS_PER_EMAIL = 3;
export const MAX_REQUESTS_PER_IP = 10;
export type EmailRequestKind = "register" | "forgot-password" | "sign-in-link" | "resend-verification" | "resend-email";

export function emailRequestsPerAddress(kind: EmailRequestKind): RateLimitPolicy {
  return { name: `${kind}-email`, counter: `${kind}:email`, windowMs: ACCOUNT_WINDOW_MS, limit: MAX_REQUESTS_PER_EMAIL };
}

export function emailRequestsPerIp(kind: EmailRequestKind): RateLimitPolicy {
  return { name: `${kind}-ip`, counter: `${kind}:ip`, windowMs: ACCOUNT_WINDOW_MS, limit: MAX_REQUESTS_PER_IP };
}

/** Whole minutes until the email-request window ends (at least 1), for a message that names the wait. */
export function minutesUntilNextWindow(now: Date): number {
  return Math.max(1, Math.ceil(secondsUntilReset(emailRequestsPerAddress("register"), now) / 60));
}

export function rateLimitedMessage(now: Date): string {
  const minutes = minutesUntilNextWindow(now);
  return `Too many requests from your network or for this email address. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
}

/** A one-minute policy whose limit the environment sets (read when a request is counted, not at import). */
function perMinute(name: string, counter: string, limit: () => number): RateLimitPolicy {
  return {
    name,
    counter,
    windowMs: MINUTE_MS,
    get limit() {
      return limit();
    },
  };
}

/** API calls per key; clients see it as "per-key" in the RateLimit headers (docs/API.md). */
export const apiRequestsPerKey = perMinute("per-key", "api-key", () => env().API_RATE_LIMIT_PER_MINUTE);

/** Booking, moving and cancelling on the web, per signed-in customer. */
export const bookingChangesPerCustomer = perMinute("booking", "booking", () => env().BOOKING_RATE_LIMIT_PER_MINUTE);

/** The public availability endpoint, per client IP. */
export const availabilityReadsPerIp = perMinute("availability", "availability", () => env().AVAILABILITY_RATE_LIMIT_PER_MINUTE);
