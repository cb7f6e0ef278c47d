/**
 * Wall-clock ↔ instant conversion for IANA timezones, using only Intl (no timezone database to ship).
 * A "local date" is an ISO calendar date string (YYYY-MM-DD) in the salon's timezone; a minute of day is
 * 0…1439 of wall-clock time. Instants are epoch milliseconds.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export type WallClock = { date: string; minuteOfDay: number; weekday: number };

/** The wall-clock reading in `timeZone` at `instant`; weekday is ISO (1 = Monday … 7 = Sunday). */
export function toWallClock(instant: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return {
    date,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
    weekday: isoWeekday(date),
  };
}

/** The offset of `timeZone` from UTC at `instant`, in minutes (e.g. +60 for BST, +345 for Kathmandu). */
export function offsetMinutesAt(instant: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / MINUTE_MS);
}

function dateToUtcMidnight(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** True for a YYYY-MM-DD that exists in the calendar: "2026-02-31" is not one (Date.UTC would roll it into March). */
export function isCalendarDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return utc.toISOString().slice(0, 10) === date && Number(match[1]) >= 1;
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(dateToUtcMidnight(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The calendar date `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date(dateToUtcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Every instant at which the wall clock in `timeZone` reads `date` + `minuteOfDay`, earliest first: none
 * when a spring-forward transition skips that time, two when a fall-back repeats it, else one.
 */
export function wallClockOccurrences(date: string, minuteOfDay: number, timeZone: string): number[] {
  const wallAsUtc = dateToUtcMidnight(date) + minuteOfDay * MINUTE_MS;
  // The offset at an instant near the answer: either offset in force that day is a candidate.
  const candidates = new Set([
    offsetMinutesAt(wallAsUtc - DAY_MS / 2, timeZone),
    offsetMinutesAt(wallAsUtc + DAY_MS / 2, timeZone),
    offsetMinutesAt(wallAsUtc, timeZone),
  ]);
  return [...candidates]
    .map((offset) => wallAsUtc - offset * MINUTE_MS)
    .filter((instant) => offsetMinutesAt(instant, timeZone) * MINUTE_MS === wallAsUtc - instant)
    .sort((a, b) => a - b);
}

/**
 * The instant at which the wall clock in `timeZone` reads `date` + `minuteOfDay`, or `undefined` when that
 * wall-clock time does not exist (skipped by a spring-forward transition). When the time occurs twice
 * (fall-back), the earlier instant is returned; `laterOccurrence` asks for the second one.
 */
export function fromWallClock(date: string, minuteOfDay: number, timeZone: string, laterOccurrence = false): number | undefined {
  const matches = wallClockOccurrences(date, minuteOfDay, timeZone);
  return laterOccurrence ? matches.at(-1) : matches[0];
}

/** The first instant of a local calendar date (midnight, or the first existing minute after a gap). */
export function startOfLocalDay(date: string, timeZone: string): number {
  for (let minute = 0; minute < 24 * 60; minute += 15) {
    const instant = fromWallClock(date, minute, timeZone);
    if (instant !== undefined) return instant;
  }
  throw new RangeError(`No wall-clock time exists on ${date} in ${timeZone}`);
}

/** Formats an instant as local "HH:MM" in the timezone. */
export function formatLocalTime(instant: number, timeZone: string): string {
  const { minuteOfDay } = toWallClock(instant, timeZone);
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
}
