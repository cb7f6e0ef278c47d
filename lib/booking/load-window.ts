import { addDays, startOfLocalDay, toWallClock } from "@/lib/time/zoned";

const MINUTE_MS = 60_000;

type ServiceTiming = { durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number };

/**
 * The instants whose busy time and time off matter for candidate starts in [from, until): a candidate's
 * blocked range reaches from `from - buffer before` to `until + duration + buffer after`. The window is
 * widened to whole salon-local days because "any stylist" assigns by booked minutes per local day, which
 * needs every appointment of those days, not only the ones near the asked range.
 */
export function availabilityLoadWindow(
  range: { from: number; until: number },
  service: ServiceTiming,
  timeZone: string,
): { from: number; until: number } {
  const firstDay = toWallClock(range.from, timeZone).date;
  const lastDay = toWallClock(Math.max(range.from, range.until - 1), timeZone).date;
  const dayStart = startOfLocalDay(firstDay, timeZone);
  const nextDayStart = startOfLocalDay(addDays(lastDay, 1), timeZone);
  return {
    from: Math.min(dayStart, range.from - service.bufferBeforeMinutes * MINUTE_MS),
    until: Math.max(nextDayStart, range.until + (service.durationMinutes + service.bufferAfterMinutes) * MINUTE_MS),
  };
}
