/**
 * When a patch test counts for a booking: done at least 48 hours before the appointment (the skin needs
 * that long to react) and at most the salon's maximum age before it, with a negative result.
 */

export const PATCH_TEST_MIN_HOURS_BEFORE = 48;
const HOUR_MS = 3_600_000;

/** `instant` moved back by whole calendar months in UTC; a day past the target month's end clamps to it. */
function monthsBefore(instant: Date, months: number): Date {
  const target = new Date(instant);
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

/** The instants a qualifying test may have been done in, both ends included. */
export function patchTestWindow(startsAt: Date, maxAgeMonths: number): { earliest: Date; latest: Date } {
  return {
    earliest: monthsBefore(startsAt, maxAgeMonths),
    latest: new Date(startsAt.getTime() - PATCH_TEST_MIN_HOURS_BEFORE * HOUR_MS),
  };
}

export function isValidPatchTest(test: { testedAt: Date; result: "NEGATIVE" | "POSITIVE" }, startsAt: Date, maxAgeMonths: number): boolean {
  const { earliest, latest } = patchTestWindow(startsAt, maxAgeMonths);
  return test.result === "NEGATIVE" && test.testedAt >= earliest && test.testedAt <= latest;
}
