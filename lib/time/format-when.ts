/** What a formatted instant depends on: the salon's IANA timezone and its BCP 47 locale (its settings row fits). */
export type SalonFormat = { timezone: string; locale: string };

/** "Tuesday, 2 December 2026" and "10:30" in the salon's timezone and language, whatever the viewer's own. */
export function formatSalonDate(instant: Date, { timezone, locale }: SalonFormat): string {
  return new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: timezone }).format(
    instant,
  );
}

export function formatSalonTime(instant: Date, { timezone, locale }: SalonFormat): string {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: timezone }).format(instant);
}

/** A date and time written out in full, 24-hour clock: pages and emails read alike. */
export const FULL_DATE_TIME = {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
} as const satisfies Intl.DateTimeFormatOptions;

/** "Tuesday, 2 December 2026 at 10:30"; the locale joins date and time its own way ("um" in German). */
export function formatSalonDateTime(instant: Date, { timezone, locale }: SalonFormat): string {
  return new Intl.DateTimeFormat(locale, { ...FULL_DATE_TIME, timeZone: timezone }).format(instant);
}

/** The salon's calendar date (YYYY-MM-DD) of an instant. */
export function salonLocalDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).format(instant);
}
