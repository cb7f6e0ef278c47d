import { AppError } from "@/lib/errors";
import type { TAppointmentStatus } from "./schema";
import { canTransition, type AppointmentAction } from "./status-machine";

/**
 * Customers may change an appointment only until a salon-defined time before it starts, so the salon can
 * still fill the slot. Staff are never bound by these cutoffs (they deal with the customer directly). The
 * note does not move the appointment, so no cutoff applies to it: it stays open until the visit starts.
 * The booking core enforces these rules; pages ask the same functions so they can explain instead of
 * offering a button that will fail.
 */
export type CutoffKind = "cancel" | "reschedule";

const PAST_TENSE: Record<CutoffKind, string> = { cancel: "cancelled", reschedule: "rescheduled" };

/** The last instant (epoch ms) at which a customer may still make the change. */
export function cutoffInstant(startsAt: number, cutoffMinutes: number): number {
  return startsAt - cutoffMinutes * 60_000;
}

/** Why a customer can no longer make the change online, or null while they still can. */
function cutoffPassedReason(kind: CutoffKind, startsAt: number, cutoffMinutes: number, now: number): string | null {
  if (now <= cutoffInstant(startsAt, cutoffMinutes)) return null;
  const hours = Math.round((cutoffMinutes / 60) * 10) / 10;
  return `Appointments can only be ${PAST_TENSE[kind]} online up to ${hours} hours before they start.`;
}

function noteClosedReason(startsAt: number, now: number): string | null {
  return now >= startsAt ? "The note can no longer be changed online once the appointment has started." : null;
}

export function assertBeforeCutoff(kind: CutoffKind, startsAt: number, cutoffMinutes: number, now: number): void {
  const reason = cutoffPassedReason(kind, startsAt, cutoffMinutes, now);
  if (reason) throw new AppError("CUTOFF_PASSED", `${reason} Please contact the salon.`);
}

export function assertNoteOpen(startsAt: number, now: number): void {
  const reason = noteClosedReason(startsAt, now);
  if (reason) throw new AppError("CUTOFF_PASSED", `${reason} Please tell the salon.`);
}

export type ChangeAvailability = { allowed: true } | { allowed: false; reason: string };

type CustomerView = { status: TAppointmentStatus; startsAt: Date };

/** The status table decides (a hold waiting for its deposit can be given up, not moved). */
function availability(appointment: CustomerView, action: AppointmentAction, verb: string, closedReason: string | null): ChangeAvailability {
  if (!canTransition(appointment.status, action)) {
    return {
      allowed: false,
      reason: `This appointment is ${appointment.status.toLowerCase().replaceAll("_", " ")}, so it cannot be ${verb}.`,
    };
  }
  return closedReason ? { allowed: false, reason: closedReason } : { allowed: true };
}

/** Whether the customer can still cancel or reschedule online. */
export function changeAvailability(appointment: CustomerView, kind: CutoffKind, cutoffMinutes: number, now: Date): ChangeAvailability {
  return availability(
    appointment,
    kind,
    PAST_TENSE[kind],
    cutoffPassedReason(kind, appointment.startsAt.getTime(), cutoffMinutes, now.getTime()),
  );
}

/** Whether the customer can still change their note online. */
export function noteAvailability(appointment: CustomerView, now: Date): ChangeAvailability {
  return availability(appointment, "change_note", "changed", noteClosedReason(appointment.startsAt.getTime(), now.getTime()));
}
