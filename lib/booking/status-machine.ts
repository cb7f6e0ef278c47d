import { AppError } from "@/lib/errors";
import type { TAppointmentStatus } from "./schema";

/**
 * Every change an appointment can undergo, and the status it may start from. This table is the only
 * place that decides; the mutations ask it. CANCELLED, COMPLETED and NO_SHOW are terminal: nothing about
 * the appointment changes afterwards (the customer's own note included). Staff notes are annotations kept beside the appointment (they do not
 * change it), so they are allowed in every status: a stylist records what happened after the fact.
 */
export type AppointmentAction = "reschedule" | "change_note" | "cancel" | "complete" | "no_show" | "add_note" | "pay" | "expire";

type Transition = { from: readonly TAppointmentStatus[]; to: TAppointmentStatus | "unchanged" };

const ALL_STATUSES = [
  "BOOKED",
  "CANCELLED",
  "COMPLETED",
  "NO_SHOW",
  "PENDING_PAYMENT",
  "EXPIRED",
] as const satisfies readonly TAppointmentStatus[];

export const transitions: Readonly<Record<AppointmentAction, Transition>> = {
  reschedule: { from: ["BOOKED"], to: "BOOKED" },
  change_note: { from: ["BOOKED"], to: "BOOKED" },
  // A hold can be given up before it is paid; a payment that lands after the hold ran out still books
  // the slot when it is free (the exclusion constraint decides), otherwise it is refunded.
  cancel: { from: ["BOOKED", "PENDING_PAYMENT"], to: "CANCELLED" },
  complete: { from: ["BOOKED"], to: "COMPLETED" },
  no_show: { from: ["BOOKED"], to: "NO_SHOW" },
  add_note: { from: ALL_STATUSES, to: "unchanged" },
  pay: { from: ["PENDING_PAYMENT", "EXPIRED"], to: "BOOKED" },
  expire: { from: ["PENDING_PAYMENT"], to: "EXPIRED" },
};

export function canTransition(status: TAppointmentStatus, action: AppointmentAction): boolean {
  return transitions[action].from.includes(status);
}

const verbs: Record<AppointmentAction, string> = {
  reschedule: "rescheduled",
  change_note: "edited",
  cancel: "cancelled",
  complete: "completed",
  no_show: "marked as a no-show",
  add_note: "annotated",
  pay: "paid for",
  expire: "expired",
};

/** The status after `action`, or INVALID_TRANSITION when the table does not allow it. */
export function assertTransition(status: TAppointmentStatus, action: AppointmentAction): TAppointmentStatus {
  if (!canTransition(status, action)) {
    throw new AppError("INVALID_TRANSITION", `A ${status.toLowerCase().replace("_", "-")} appointment cannot be ${verbs[action]}.`);
  }
  const { to } = transitions[action];
  return to === "unchanged" ? status : to;
}
