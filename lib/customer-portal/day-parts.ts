/**
 * Slots grouped by part of the day, in the salon's wall-clock time ("HH:MM"), so a long list of times
 * becomes three short, named groups.
 */
export type DayPart = "morning" | "afternoon" | "evening";

export const dayPartLabels: Record<DayPart, string> = { morning: "Morning", afternoon: "Afternoon", evening: "Evening" };

export function dayPartOf(localTime: string): DayPart {
  const hour = Number(localTime.slice(0, 2));
  if (hour < 12) return "morning";
  if (hour < 17) return "afternoon";
  return "evening";
}

export function groupByDayPart<T extends { localTime: string }>(slots: T[]): { part: DayPart; slots: T[] }[] {
  const groups: Record<DayPart, T[]> = { morning: [], afternoon: [], evening: [] };
  for (const slot of slots) groups[dayPartOf(slot.localTime)].push(slot);
  return (Object.keys(groups) as DayPart[]).filter((part) => groups[part].length > 0).map((part) => ({ part, slots: groups[part] }));
}

/** Days that have at least one free slot, with how many: the calendar marks them. */
export function countByDate<T extends { localDate: string }>(slots: T[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const slot of slots) counts.set(slot.localDate, (counts.get(slot.localDate) ?? 0) + 1);
  return counts;
}
