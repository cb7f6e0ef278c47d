/**
 * Appointment times as a reader expects them in an email: in the salon's timezone, with the day spelt
 * out, and the timezone named (with its abbreviation on that date, e.g. GMT vs BST).
 */

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `${timeZone}|${key}`;
  let formatter = dateTimeFormats.get(cacheKey);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", { timeZone, ...options });
    dateTimeFormats.set(cacheKey, formatter);
  }
  return formatter;
}

const full = {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
} as const;
const timeOnly = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
const dayOnly = { year: "numeric", month: "2-digit", day: "2-digit" } as const;

/** "Monday, 7 January 2030, 10:00" */
export function formatEmailDateTime(instant: Date, timeZone: string): string {
  return format(timeZone, "full", full).format(instant).replace(" at ", ", ");
}

/** The end time: only "HH:MM" when it falls on the same local day as the start. */
export function formatEmailEnd(start: Date, end: Date, timeZone: string): string {
  const day = format(timeZone, "day", dayOnly);
  return day.format(start) === day.format(end) ? format(timeZone, "time", timeOnly).format(end) : formatEmailDateTime(end, timeZone);
}

/** "Europe/London (BST)" — the IANA name, plus the abbreviation in force at `instant`. */
export function formatTimeZoneLabel(instant: Date, timeZone: string): string {
  const parts = format(timeZone, "zone", { timeZoneName: "short" }).formatToParts(instant);
  const abbreviation = parts.find((part) => part.type === "timeZoneName")?.value;
  return abbreviation ? `${timeZone} (${abbreviation})` : timeZone;
}
