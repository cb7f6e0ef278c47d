import { AppError } from "@/lib/errors";

/**
 * Customers may change an appointment only until a salon-defined time before it starts, so the salon can
 * still fill the slot. Staff are never bound by these cutoffs (they deal with the customer directly).
 */
export type CutoffKind = "cancel" | "reschedule";

/** The last instant (epoch ms) at which a customer may still make the change. */
export function cutoffInstant(startsAt: number, cutoffMinutes: number): number {
  return startsAt - cutoffMinutes * 60_000;
}

export function assertBeforeCutoff(kind: CutoffKind, startsAt: number, cutoffMinutes: number, now: number): void {
  if (now > cutoffInstant(startsAt, cutoffMinutes)) {
    const hours = Math.round((cutoffMinutes / 60) * 10) / 10;
    throw new AppError(
      "CUTOFF_PASSED",
      `Appointments can only be ${kind === "cancel" ? "cancelled" : "rescheduled"} online up to ${hours} hours before they start. Please contact the salon.`,
    );
  }
}
