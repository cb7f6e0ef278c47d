import { cutoffInstant } from "@/lib/booking/cutoffs";

/**
 * Whether the customer can still change an appointment online, so the page can explain instead of
 * offering a button that will fail. The server enforces the same rule in the booking core.
 */
export type ChangeAvailability = { allowed: true } | { allowed: false; reason: string };

export function changeAvailability(
  appointment: { status: string; startsAt: Date },
  kind: "cancel" | "reschedule",
  cutoffMinutes: number,
  now: Date,
): ChangeAvailability {
  const verb = kind === "cancel" ? "cancelled" : "rescheduled";
  if (appointment.status !== "BOOKED") {
    return { allowed: false, reason: `This appointment is ${appointment.status.toLowerCase().replace("_", "-")}, so it cannot be ${verb}.` };
  }
  if (now.getTime() > cutoffInstant(appointment.startsAt.getTime(), cutoffMinutes)) {
    const hours = Math.round((cutoffMinutes / 60) * 10) / 10;
    return { allowed: false, reason: `Appointments can only be ${verb} online up to ${hours} hours before they start.` };
  }
  return { allowed: true };
}
