import type { TAppointmentStatus } from "@/lib/booking/schema";
import { formatSalonDateTime, type SalonFormat } from "@/lib/time/format-when";

export const statusLabels: Record<TAppointmentStatus, { label: string; tone: "positive" | "neutral" | "negative" | "info" }> = {
  BOOKED: { label: "Booked", tone: "positive" },
  CANCELLED: { label: "Cancelled", tone: "negative" },
  COMPLETED: { label: "Completed", tone: "neutral" },
  NO_SHOW: { label: "Missed", tone: "neutral" },
  PENDING_PAYMENT: { label: "Waiting for deposit", tone: "info" },
  EXPIRED: { label: "Hold ran out", tone: "neutral" },
};

const actionLabels: Record<string, string> = {
  booked: "Booked",
  rescheduled: "Rescheduled",
  note_changed: "Note changed",
  cancelled: "Cancelled",
  completed: "Marked as completed",
  no_show: "Marked as missed",
  paid: "Deposit paid",
  expired: "Hold ran out",
  refunded: "Deposit refunded",
};

const actorLabels: Record<string, string> = {
  CUSTOMER: "by you",
  STAFF: "by the salon",
  API_KEY: "through an app",
  SYSTEM: "automatically",
};

/** One history entry as a sentence, e.g. "Rescheduled by you — now Tuesday 2 December 2026 at 10:30". */
export function describeHistoryEntry(entry: { action: string; actorKind: string; changes: unknown }, salon: SalonFormat): string {
  const base = `${actionLabels[entry.action] ?? entry.action} ${actorLabels[entry.actorKind] ?? ""}`.trim();
  const after = (entry.changes as { after?: Record<string, unknown> } | null)?.after ?? {};
  if (entry.action === "rescheduled" && typeof after.startsAt === "string") {
    return `${base} — now ${formatSalonDateTime(new Date(after.startsAt), salon)}`;
  }
  if (entry.action === "cancelled" && typeof after.cancellationReason === "string") return `${base} — “${after.cancellationReason}”`;
  if (entry.action === "note_changed")
    return after.customerNote === null ? `Note removed ${actorLabels[entry.actorKind] ?? ""}`.trim() : base;
  return base;
}

const emailKindLabels: Record<string, string> = {
  confirmation: "Booking confirmation",
  reschedule: "Reschedule confirmation",
  cancellation: "Cancellation confirmation",
  reminder: "Reminder",
};

export function emailKindLabel(kind: string): string {
  return emailKindLabels[kind] ?? kind.replace(/[._-]/g, " ");
}
