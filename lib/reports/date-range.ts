import { addDays, isoWeekday } from "@/lib/time/zoned";
import type { TReportPreset, TReportQuery } from "./schema";

export type LocalRange = { from: string; to: string };

function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

function lastDayOfMonth(date: string): string {
  const [year, month] = date.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * The local dates a preset covers, seen from `today` (the salon's local date): weeks run Monday to
 * Sunday (ISO 8601), months from the first to the last day. `custom` keeps the given range.
 */
export function presetRange(preset: Exclude<TReportPreset, "custom">, today: string): LocalRange {
  const monday = addDays(today, 1 - isoWeekday(today));
  switch (preset) {
    case "this-week":
      return { from: monday, to: addDays(monday, 6) };
    case "last-week":
      return { from: addDays(monday, -7), to: addDays(monday, -1) };
    case "this-month":
      return { from: monthStart(today), to: lastDayOfMonth(today) };
    case "last-month": {
      const previous = addDays(monthStart(today), -1);
      return { from: monthStart(previous), to: previous };
    }
  }
}

/**
 * The filter a reports URL asks for: a preset's dates, or the custom ones as given (validated by the
 * core, so a bad date is a clear error rather than a silent default).
 */
export function filterOfQuery(query: TReportQuery, today: string) {
  const range = query.preset === "custom" ? { from: query.from ?? "", to: query.to ?? "" } : presetRange(query.preset, today);
  return { ...range, staffId: query.staffId || undefined, serviceId: query.serviceId || undefined };
}
