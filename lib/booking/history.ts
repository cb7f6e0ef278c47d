/**
 * The "changes" recorded with an appointment event: before/after of the fields that actually changed,
 * as plain JSON (instants as ISO strings), so the audit trail reads the same in the dashboard and the API.
 */
export type HistoryAction =
  "booked" | "rescheduled" | "note_changed" | "cancelled" | "completed" | "no_show" | "note_added" | "paid" | "expired";

type HistoryValue = string | number | boolean | null;
export type HistoryChanges = { before?: Record<string, HistoryValue>; after: Record<string, HistoryValue> };

type Snapshot = Record<string, Date | HistoryValue | undefined>;

function toJsonValue(value: Date | HistoryValue | undefined): HistoryValue {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

/** Only the fields whose values differ between `before` and `after` (Dates compared by instant). */
export function diffChanges(before: Snapshot, after: Snapshot): HistoryChanges {
  const changes: Required<HistoryChanges> = { before: {}, after: {} };
  for (const key of Object.keys(after)) {
    const previous = toJsonValue(before[key]);
    const next = toJsonValue(after[key]);
    if (previous !== next) {
      changes.before[key] = previous;
      changes.after[key] = next;
    }
  }
  return changes;
}

/** A creation has no "before": every field is new. */
export function creationChanges(after: Snapshot): HistoryChanges {
  return { after: Object.fromEntries(Object.entries(after).map(([key, value]) => [key, toJsonValue(value)])) };
}
