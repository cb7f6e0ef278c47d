import type { InstantRange, StaffAvailabilityInput } from "@/lib/booking/availability";
import { addDays, fromWallClock, startOfLocalDay } from "@/lib/time/zoned";

/**
 * The brute-force references' building blocks, shared by the single-service and the visit property tests.
 * They share no code with the engine: wall-clock readings come from Intl through lib/time/zoned.
 */

/** First instant at which the wall clock on `date` shows `minute` or later (gap → the gap's end). */
export function firstAtOrAfter(date: string, minute: number, timeZone: string): number {
  if (minute >= 1440) return firstAtOrAfter(addDays(date, 1), minute - 1440, timeZone);
  const instant = fromWallClock(date, minute, timeZone);
  return instant ?? firstAtOrAfter(date, minute + 1, timeZone);
}

export const overlaps = (a: InstantRange, b: InstantRange) => a.from < b.until && b.from < a.until;
export const nonEmpty = (list: InstantRange[]) => list.filter((range) => range.until > range.from);

export function bookedMinutes(member: StaffAvailabilityInput, date: string, tz: string): number {
  const day = { from: startOfLocalDay(date, tz), until: startOfLocalDay(addDays(date, 1), tz) };
  // The union's length: time covered by two overlapping ranges is booked once.
  const clipped = nonEmpty(member.busy.map((b) => ({ from: Math.max(b.from, day.from), until: Math.min(b.until, day.until) })));
  let total = 0;
  let reached = -Infinity;
  for (const b of clipped.sort((x, y) => x.from - y.from)) {
    total += Math.max(0, b.until - Math.max(b.from, reached));
    reached = Math.max(reached, b.until);
  }
  return total;
}
