import type { AvailabilityInput, Slot, StaffAvailabilityInput, WorkingInterval } from "@/lib/booking/availability";
import { addDays, fromWallClock, isoWeekday } from "@/lib/time/zoned";

/** Shared builders for the availability tests: readable inputs in wall-clock terms. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** "HH:MM" → minute of day. */
export const minuteOf = (time: string): number => {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};

/** The instant a wall clock in `timeZone` reads `date` `time` (first occurrence unless `later`). */
export function at(date: string, time: string, timeZone = "Europe/London", later = false): number {
  const instant = fromWallClock(date, minuteOf(time), timeZone, later);
  if (instant === undefined) throw new Error(`${date} ${time} does not exist in ${timeZone}`);
  return instant;
}

/** Working hours on every weekday, e.g. hours("09:00-12:00", "13:00-17:00"). */
export function everyDay(...spans: string[]): WorkingInterval[] {
  return [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => onWeekday(weekday, ...spans));
}

export function onWeekday(weekday: number, ...spans: string[]): WorkingInterval[] {
  return spans.map((span) => {
    const [start = "", end = ""] = span.split("-");
    return { weekday, startMinute: minuteOf(start), endMinute: minuteOf(end) };
  });
}

export function onDate(date: string, ...spans: string[]): WorkingInterval[] {
  return onWeekday(isoWeekday(date), ...spans);
}

export function stylist(staffId: string, overrides: Partial<StaffAvailabilityInput> = {}): StaffAvailabilityInput {
  return { staffId, workingHours: everyDay("09:00-17:00"), timeOff: [], busy: [], ...overrides };
}

type InputOverrides = Partial<Omit<AvailabilityInput, "settings" | "service">> & {
  settings?: Partial<AvailabilityInput["settings"]>;
  service?: Partial<AvailabilityInput["service"]>;
};

/** One day's worth of input (2026-06-01, a Monday, in London) unless told otherwise. */
export function inputFor(date: string, overrides: InputOverrides = {}): AvailabilityInput {
  const timezone = overrides.settings?.timezone ?? "Europe/London";
  const dayStart = fromWallClock(date, 0, timezone) ?? at(date, "01:00", timezone);
  const nextDay = addDays(date, 1);
  const dayEnd = fromWallClock(nextDay, 0, timezone) ?? at(nextDay, "01:00", timezone);
  return {
    staff: [stylist("ana")],
    range: { from: dayStart, until: dayEnd },
    now: dayStart - 7 * 24 * HOUR,
    ...overrides,
    settings: { timezone, slotStepMinutes: 15, minNoticeMinutes: 0, bookingHorizonDays: 60, ...overrides.settings },
    service: { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, ...overrides.service },
  };
}

export const times = (slots: readonly Slot[] | undefined): string[] => (slots ?? []).map((slot) => slot.localTime);
export const starts = (slots: readonly Slot[] | undefined): string[] =>
  (slots ?? []).map((slot) => new Date(slot.startsAt).toISOString().slice(11, 16));

/** Every `step` minutes from `first` to `last` inclusive, as "HH:MM". */
export function clockTimes(first: string, last: string, step: number): string[] {
  const out: string[] = [];
  for (let minute = minuteOf(first); minute <= minuteOf(last); minute += step) {
    out.push(`${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`);
  }
  return out;
}
