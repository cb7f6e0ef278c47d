import { formatSalonDateTime, type SalonFormat } from "@/lib/time/format-when";

type Changes = { before?: Record<string, unknown>; after?: Record<string, unknown> } | null;

const fieldLabels: Record<string, string> = {
  startsAt: "time",
  staffId: "stylist",
  serviceId: "service",
  status: "status",
  cancellationReason: "reason",
};

/**
 * The parts of a history entry's before/after worth reading ("time: Wed 26 Nov at 10:00 → 11:00"),
 * with stylist ids shown as names. End times, prices and snapshots follow from these and are left out.
 */
export function describeChanges(changes: unknown, salon: SalonFormat, names: Map<string, string>): string[] {
  const { before = {}, after = {} } = (changes as Changes) ?? {};
  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined) return "—";
    if (key === "startsAt" && typeof value === "string") return formatSalonDateTime(new Date(value), salon);
    if ((key === "staffId" || key === "serviceId") && typeof value === "string") return names.get(value) ?? value;
    return String(value);
  };
  return Object.keys(fieldLabels)
    .filter((key) => key in after)
    .map((key) =>
      key in before
        ? `${fieldLabels[key]}: ${show(key, before[key])} → ${show(key, after[key])}`
        : `${fieldLabels[key]}: ${show(key, after[key])}`,
    );
}
