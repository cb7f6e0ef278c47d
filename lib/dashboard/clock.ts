import { toWallClock } from "@/lib/time/zoned";

/** Reads of the clock for server pages, outside render functions (which React requires to be pure). */
export function salonToday(timeZone: string, now: number = Date.now()): string {
  return toWallClock(now, timeZone).date;
}

export function hasStarted(startsAt: Date, now: number = Date.now()): boolean {
  return startsAt.getTime() <= now;
}
