/**
 * How long a key may live. A staff key is a standing credential to salon data, so it must end: a leaked
 * or forgotten one stops working by itself within a year. The forms and the CLI default to 90 days.
 */
export const DEFAULT_KEY_LIFETIME_DAYS = 90;
export const MAX_KEY_LIFETIME_DAYS = 365;

const DAY_MS = 86_400_000;

/** Why this expiry is refused, or null when it is fine. */
export function keyExpiryProblem(expiresAt: Date | null | undefined, expiryRequired: boolean, now = new Date()): string | null {
  if (!expiresAt) return expiryRequired ? `Staff keys need an expiry date, at most ${MAX_KEY_LIFETIME_DAYS} days away.` : null;
  if (expiresAt <= now) return "The expiry date must be in the future.";
  // A day of slack: "365 days from today" ends at the end of that local day, a few hours past 365 × 24 h.
  if (expiresAt.getTime() - now.getTime() > (MAX_KEY_LIFETIME_DAYS + 1) * DAY_MS)
    return `A key may live at most ${MAX_KEY_LIFETIME_DAYS} days.`;
  return null;
}

/** The default expiry, `days` from now. */
export function expiryInDays(days: number, now = new Date()): Date {
  return new Date(now.getTime() + days * DAY_MS);
}
