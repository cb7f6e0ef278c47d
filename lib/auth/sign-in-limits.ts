/**
 * Failed sign-ins are counted per account and per client IP in fixed windows (RateLimitCounter rows), so
 * guessing a password is slow whichever axis an attacker varies. The per-IP limit is looser because a
 * salon's customers may share one network.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

export function signInLimitKeys(email: string, ip: string | null): { key: string; max: number }[] {
  const keys = [{ key: `sign-in:account:${email}`, max: MAX_FAILURES_PER_ACCOUNT }];
  if (ip) keys.push({ key: `sign-in:ip:${ip}`, max: MAX_FAILURES_PER_IP });
  return keys;
}

export function windowStart(now: Date, windowMs = SIGN_IN_WINDOW_MS): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}
