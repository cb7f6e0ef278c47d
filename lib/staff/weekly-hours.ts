/**
 * Weekly hours as staff type them: one line per weekday, intervals separated by commas, e.g.
 * "09:00-13:00, 14:00-18:00" (the gap is the break); an empty line is a day off. Isomorphic and pure, so
 * the form and the server parse the same way.
 */
export type WeeklyInterval = { weekday: number; startMinute: number; endMinute: number };

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

const TIME = /^([01]?\d|2[0-4]):([0-5]\d)$/;

function minuteOf(text: string): number | undefined {
  const match = TIME.exec(text.trim());
  if (!match) return undefined;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return minute <= 24 * 60 ? minute : undefined;
}

/** Intervals of one weekday, or an error message naming what is wrong. */
export function parseDayHours(weekday: number, text: string): WeeklyInterval[] | string {
  const parts = text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const intervals: WeeklyInterval[] = [];
  for (const part of parts) {
    const [from, to, extra] = part.split("-");
    const startMinute = from === undefined ? undefined : minuteOf(from);
    const endMinute = to === undefined ? undefined : minuteOf(to);
    if (extra !== undefined || startMinute === undefined || endMinute === undefined) return `“${part}” is not like 09:00-13:00.`;
    if (endMinute <= startMinute) return `“${part}” ends before it starts.`;
    intervals.push({ weekday, startMinute, endMinute });
  }
  intervals.sort((a, b) => a.startMinute - b.startMinute);
  for (let index = 1; index < intervals.length; index += 1) {
    if (intervals[index]!.startMinute < intervals[index - 1]!.endMinute) return "Intervals overlap.";
  }
  return intervals;
}

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** The inverse of parseDayHours, for filling the editor. */
export function formatDayHours(intervals: WeeklyInterval[], weekday: number): string {
  return intervals
    .filter((interval) => interval.weekday === weekday)
    .sort((a, b) => a.startMinute - b.startMinute)
    .map((interval) => `${clock(interval.startMinute)}-${clock(interval.endMinute)}`)
    .join(", ");
}

/** A week as the form's `hours1` … `hours7` fields. */
export function weeklyHoursDefaults(intervals: WeeklyInterval[]): Record<string, string> {
  return Object.fromEntries(WEEKDAYS.map((_, index) => [`hours${index + 1}`, formatDayHours(intervals, index + 1)]));
}

/** Whether `after` opens any minute of any weekday that `before` kept closed (a widened working week). */
export function widensWeek(before: WeeklyInterval[], after: WeeklyInterval[]): boolean {
  const covered = (hours: WeeklyInterval[], weekday: number, minute: number) =>
    hours.some((interval) => interval.weekday === weekday && interval.startMinute <= minute && minute < interval.endMinute);
  // Checking each new interval's start and every old interval's end inside it finds any uncovered minute.
  return after.some((interval) =>
    [interval.startMinute, ...before.filter((old) => old.weekday === interval.weekday).map((old) => old.endMinute)]
      .filter((minute) => minute >= interval.startMinute && minute < interval.endMinute)
      .some((minute) => !covered(before, interval.weekday, minute)),
  );
}
