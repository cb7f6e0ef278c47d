import type { Role } from "@/lib/auth/actor";
import type { TAppointmentStatus } from "@/lib/booking/schema";

/**
 * Words and marks for the dashboard. Statuses carry an icon and a word as well as a colour, so they read
 * the same to colour-blind staff and screen readers.
 */
export const statusStyles: Record<TAppointmentStatus, { label: string; icon: string; block: string; badge: string }> = {
  BOOKED: { label: "Booked", icon: "●", block: "border-sky-700 bg-sky-50", badge: "bg-sky-100 text-sky-900" },
  COMPLETED: { label: "Completed", icon: "✓", block: "border-emerald-700 bg-emerald-50", badge: "bg-emerald-100 text-emerald-900" },
  CANCELLED: { label: "Cancelled", icon: "✕", block: "border-stone-500 bg-stone-100 opacity-90", badge: "bg-stone-200 text-stone-800" },
  NO_SHOW: { label: "No-show", icon: "!", block: "border-red-700 bg-red-50", badge: "bg-red-100 text-red-900" },
  PENDING_PAYMENT: {
    label: "Awaiting deposit",
    icon: "…",
    block: "border-amber-700 bg-amber-50 border-dashed",
    badge: "bg-amber-100 text-amber-900",
  },
  EXPIRED: { label: "Hold expired", icon: "○", block: "border-stone-400 bg-stone-50 opacity-80", badge: "bg-stone-100 text-stone-800" },
};

/** What an appointment's page says after a dashboard action sends staff back to it (`?notice=`). */
export const appointmentNotices = {
  booked: "Appointment booked.",
  rescheduled: "Appointment rescheduled.",
  cancelled: "Appointment cancelled.",
  completed: "Marked as completed.",
  "no-show": "Marked as a no-show.",
  "note-added": "Note added.",
  "fee-succeeded": "No-show fee charged.",
  "fee-requires-action": "The bank asks the customer to authenticate the fee: it waits for them.",
  "fee-failed": "The card was declined: the fee was not charged.",
  "refund-requested": "Refund requested: it is on its way to the customer.",
  "deposit-waived": "Booked without a deposit: the customer is sent the confirmation.",
} as const;

export type AppointmentNotice = keyof typeof appointmentNotices;

export function appointmentNoticeText(notice: string | undefined): string | undefined {
  return notice && Object.hasOwn(appointmentNotices, notice) ? appointmentNotices[notice as AppointmentNotice] : undefined;
}

/** What the visit page says after a visit action sends staff back to it (`?notice=`). */
export const visitNotices = {
  booked: "Visit booked.",
  rescheduled: "Visit rescheduled.",
  cancelled: "Visit cancelled.",
  reassigned: "Segment handed to another stylist.",
  "segment-cancelled": "Segment cancelled; the rest of the visit stays booked.",
  "deposit-waived": "Visit booked without a deposit: the customer is sent the confirmation.",
} as const;

export type VisitNotice = keyof typeof visitNotices;

export function visitNoticeText(notice: string | undefined): string | undefined {
  return notice && Object.hasOwn(visitNotices, notice) ? visitNotices[notice as VisitNotice] : undefined;
}

const actionLabels: Record<string, string> = {
  booked: "Booked",
  rescheduled: "Rescheduled",
  note_changed: "Customer note changed",
  cancelled: "Cancelled",
  completed: "Marked completed",
  no_show: "Marked no-show",
  note_added: "Added a staff note",
  paid: "Deposit paid",
  expired: "Hold expired unpaid",
  refunded: "Deposit refunded",
  "deposit-waived": "Booked without the deposit",
  "fee-paid": "Fee paid through the emailed link",
};

export function historyActionLabel(action: string): string {
  return actionLabels[action] ?? action;
}

/** A role in words, as the team sees it. */
export const roleLabels: Record<Role, string> = {
  CUSTOMER: "Customer",
  STYLIST: "Stylist",
  FRONT_DESK: "Front desk",
  ADMIN: "Admin",
};

/** The toast after a change to a stylist's hours or time off. */
export const scheduleNotices: Record<string, string> = {
  hours: "Hours saved.",
  "time-off": "Time off added.",
  "time-off-removed": "Time off removed.",
};

/** Where a change came from: the history's actor kind in words. */
export const actorKindLabels: Record<string, string> = {
  CUSTOMER: "customer (web)",
  STAFF: "staff (dashboard)",
  API_KEY: "API key",
  SYSTEM: "system",
};

/** A calendar date (YYYY-MM-DD, already in the salon's timezone) as "Wednesday 26 November 2026". */
export function formatLocalDate(date: string, locale: string, style: "long" | "short" = "long"): string {
  const options: Intl.DateTimeFormatOptions =
    style === "long"
      ? { weekday: "long", day: "numeric", month: "long", year: "numeric" }
      : { weekday: "short", day: "numeric", month: "short" };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}

// Dark enough for a 3:1 edge against white and the status tints; a visit keeps its colour on every page.
const VISIT_EDGES = ["#6d28d9", "#0f766e", "#b45309", "#be185d", "#1d4ed8", "#4d7c0f"];

/** The edge colour linking a visit's segments on the calendar, the same for every segment of one visit. */
export function visitEdgeColour(visitId: string): string {
  let hash = 0;
  for (const char of visitId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return VISIT_EDGES[hash % VISIT_EDGES.length]!;
}
