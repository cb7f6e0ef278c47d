/** "Tuesday 2 December 2026" and "10:30" in the salon's timezone, whatever the viewer's own timezone. */
export function formatSalonDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone }).format(instant);
}

export function formatSalonTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(instant);
}

export function formatSalonDateTime(instant: Date, timeZone: string): string {
  return `${formatSalonDate(instant, timeZone)} at ${formatSalonTime(instant, timeZone)}`;
}

/** The salon's calendar date (YYYY-MM-DD) of an instant. */
export function salonLocalDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).format(instant);
}
