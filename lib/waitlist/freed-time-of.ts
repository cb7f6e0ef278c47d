import "server-only";
import type { JobEvent } from "@/lib/notifications/jobs/job";
import { appointmentBlockedTime, type FreedTime } from "./data";

export type WaitlistTrigger =
  "appointment.cancelled" | "appointment.rescheduled" | "appointment.no-show" | "appointment.expired" | "schedule.time-freed";

const MINUTE_MS = 60_000;

/**
 * The time an event opened, or null when it opened none (the appointment was rebooked meanwhile, a
 * no-show marked after its end). A reschedule frees the old time with the buffers it had.
 */
export async function freedTimeOf(event: JobEvent<WaitlistTrigger>, now: Date = new Date()): Promise<FreedTime | null> {
  if (event.name === "schedule.time-freed") {
    return { staffId: event.data.staffId, from: new Date(event.data.from), until: new Date(event.data.until) };
  }
  const appointment = await appointmentBlockedTime(event.data.appointmentId);
  if (!appointment) return null;
  if (event.name === "appointment.rescheduled") {
    const { previous } = event.data;
    return {
      staffId: previous.staffId,
      from: new Date(Date.parse(previous.startsAt) - appointment.bufferBeforeMinutes * MINUTE_MS),
      until: new Date(Date.parse(previous.endsAt) + appointment.bufferAfterMinutes * MINUTE_MS),
    };
  }
  // Booked again meanwhile (a late payment that found its slot still free): nothing was freed.
  if (appointment.status === "BOOKED" || appointment.status === "PENDING_PAYMENT") return null;
  // A no-show frees what is left of its time; a cancellation or an unpaid hold all of it.
  const from =
    event.name === "appointment.no-show" ? new Date(Math.max(appointment.blockedFrom.getTime(), now.getTime())) : appointment.blockedFrom;
  return from < appointment.blockedUntil ? { staffId: appointment.staffId, from, until: appointment.blockedUntil } : null;
}
