/**
 * How an outbox row that cannot be published is retried. The first retry comes on the next publisher
 * pass (most failures are a blip); later ones back off so a row that keeps failing costs little and
 * never holds up the rows behind it. After the last attempt the row is dead-lettered: alerted, listed
 * for admins, and published again only when an admin retries it.
 */
export const OUTBOX_MAX_ATTEMPTS = 8;

/** An embedded publisher's claim on a row it is running; a publisher that dies frees it after this. */
export const OUTBOX_LEASE_MS = 5 * 60_000;

const FIRST_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;

/** The wait after failed attempt number `attempts` (1-based): 0, 30 s, 1 min, 2 min … capped at 1 h. */
export function outboxRetryDelayMs(attempts: number): number {
  if (attempts <= 1) return 0;
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (attempts - 2));
}
