import type { DayPart } from "@/lib/customer-portal/day-parts";
import { addDays, startOfLocalDay } from "@/lib/time/zoned";
import type { TWaitlistWindow } from "./schema";

export type MinuteWindow = { startMinute: number; endMinute: number };

/** The same boundaries as the booking flow's time groups (day-parts.ts): before 12, before 17, after. */
const DAY_PART_MINUTES: Record<DayPart, MinuteWindow> = {
  morning: { startMinute: 0, endMinute: 12 * 60 },
  afternoon: { startMinute: 12 * 60, endMinute: 17 * 60 },
  evening: { startMinute: 17 * 60, endMinute: 24 * 60 },
};

export function toMinuteWindows(windows: TWaitlistWindow[]): MinuteWindow[] {
  return windows.map((window) => (typeof window === "string" ? DAY_PART_MINUTES[window] : window));
}

/** A start suits the entry when it falls inside one of its windows; no windows means any time of day. */
export function startFitsWindows(minuteOfDay: number, windows: MinuteWindow[]): boolean {
  return windows.length === 0 || windows.some((window) => minuteOfDay >= window.startMinute && minuteOfDay < window.endMinute);
}

/** Days from `from` to `to`, both included. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The range's instants: the first local day's start to the end of the last (when the entry expires). */
export function rangeInstants(from: string, to: string, timeZone: string): { rangeFrom: Date; rangeUntil: Date } {
  return { rangeFrom: new Date(startOfLocalDay(from, timeZone)), rangeUntil: new Date(startOfLocalDay(addDays(to, 1), timeZone)) };
}

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** "morning, evening", "10:00–12:30" or "any time": how pages name an entry's windows. */
export function describeWindows(windows: MinuteWindow[]): string {
  if (windows.length === 0) return "any time";
  return windows
    .map((window) => {
      const part = (Object.keys(DAY_PART_MINUTES) as DayPart[]).find(
        (name) => DAY_PART_MINUTES[name].startMinute === window.startMinute && DAY_PART_MINUTES[name].endMinute === window.endMinute,
      );
      return part ?? `${hhmm(window.startMinute)}–${hhmm(window.endMinute)}`;
    })
    .join(", ");
}
