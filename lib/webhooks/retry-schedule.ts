/**
 * When a delivery is attempted: the first entry is the wait before the first attempt, each next one the
 * wait after a failed attempt. The default is the documented schedule (7 attempts over about 31 hours);
 * WEBHOOK_RETRY_SCHEDULE replaces it, e.g. `0,10s,1m` (units ms, s, m, h, d; a bare number is ms).
 */
export const DEFAULT_RETRY_SCHEDULE = "0,10s,1m,10m,1h,6h,24h";

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const ENTRY = /^(\d+)(ms|s|m|h|d)?$/;

/** The schedule as waits in ms; throws naming the first entry that is not a duration. */
export function parseRetrySchedule(text: string): number[] {
  const entries = text.split(",").map((entry) => entry.trim());
  return entries.map((entry) => {
    const match = ENTRY.exec(entry);
    if (!match) throw new Error(`"${entry}" is not a duration (write e.g. 0,10s,1m,10m,1h)`);
    return Number(match[1]) * UNIT_MS[(match[2] ?? "ms") as keyof typeof UNIT_MS];
  });
}

/** The wait before the next attempt after `attemptsSoFar` attempts, or null when the schedule is used up. */
export function nextAttemptDelayMs(schedule: readonly number[], attemptsSoFar: number): number | null {
  return attemptsSoFar < schedule.length ? schedule[attemptsSoFar]! : null;
}
