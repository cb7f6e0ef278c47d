import { windowStart } from "./sign-in-limits";

/**
 * Requests that send an email (register, forgot password, sign-in link, resending a verification link or
 * a logged email from the dashboard) are limited per address and per
 * client IP in fixed windows (RateLimitCounter rows, like failed sign-ins), so the forms cannot be used
 * to flood someone's inbox or the salon's mail quota. Every attempt counts, allowed or not. The per-IP
 * limit is looser because a salon's customers may share one network.
 */
export const REQUEST_WINDOW_MS = 15 * 60_000;
export const MAX_REQUESTS_PER_EMAIL = 3;
export const MAX_REQUESTS_PER_IP = 10;

export type EmailRequestKind = "register" | "forgot-password" | "sign-in-link" | "resend-verification" | "resend-email";

export function requestLimitKeys(kind: EmailRequestKind, email: string, ip: string | null): { key: string; max: number }[] {
  const keys = [{ key: `${kind}:email:${email.toLowerCase()}`, max: MAX_REQUESTS_PER_EMAIL }];
  if (ip) keys.push({ key: `${kind}:ip:${ip}`, max: MAX_REQUESTS_PER_IP });
  return keys;
}

export function requestWindowStart(now: Date): Date {
  return windowStart(now, REQUEST_WINDOW_MS);
}

/** Whole minutes until the current window ends (at least 1), for a message that names the wait. */
export function minutesUntilNextWindow(now: Date): number {
  const end = requestWindowStart(now).getTime() + REQUEST_WINDOW_MS;
  return Math.max(1, Math.ceil((end - now.getTime()) / 60_000));
}

export function rateLimitedMessage(now: Date): string {
  const minutes = minutesUntilNextWindow(now);
  return `Too many requests from your network or for this email address. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
}
