import { FULL_DATE_TIME, type SalonFormat } from "@/lib/time/format-when";

/**
 * Appointment times as a reader expects them in an email: in the salon's timezone and language, with the
 * day spelt out, and the timezone named (with its abbreviation on that date, e.g. GMT vs BST).
 */

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function format({ timezone, locale }: SalonFormat, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `${timezone}|${locale}|${key}`;
  let formatter = dateTimeFormats.get(cacheKey);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone: timezone, ...options });
    dateTimeFormats.set(cacheKey, formatter);
  }
  return formatter;
}

const timeOnly = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
const dayOnly = { year: "numeric", month: "2-digit", day: "2-digit" } as const;

/** "Monday, 7 January 2030, 10:00" (en-GB's " at " becomes a comma; other languages keep their own joint). */
export function formatEmailDateTime(instant: Date, salon: SalonFormat): string {
  return format(salon, "full", FULL_DATE_TIME).format(instant).replace(" at ", ", ");
}

/** The end time: only "HH:MM" when it falls on the same local day as the start. */
export function formatEmailEnd(start: Date, end: Date, salon: SalonFormat): string {
  const day = format(salon, "day", dayOnly);
  return day.format(start) === day.format(end) ? format(salon, "time", timeOnly).format(end) : formatEmailDateTime(end, salon);
}

/** "Europe/London (BST)" — the IANA name, plus the abbreviation in force at `instant`. */
export function formatTimeZoneLabel(instant: Date, salon: SalonFormat): string {
  const parts = format(salon, "zone", { timeZoneName: "short" }).formatToParts(instant);
  const abbreviation = parts.find((part) => part.type === "timeZoneName")?.value;
  return abbreviation ? `${salon.timezone} (${abbreviation})` : salon.timezone;
}
