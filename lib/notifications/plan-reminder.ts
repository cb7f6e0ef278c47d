import "server-only";
import { firstSegmentOf, getAppointmentForEmail } from "./data";

export type ReminderPlan = { status: "scheduled"; remindAt: string } | { status: "skipped"; reason: string };
export type PlannedReminder =
  { status: "scheduled"; remindAt: string; appointmentId: string; scheduleVersion: number } | { status: "skipped"; reason: string };

/**
 * When to remind: the salon's reminder lead time before the start. No reminder for an appointment that
 * is no longer booked, has been moved since the event (a newer event schedules its own; a note change
 * moves nothing, so the reminder stands), or starts sooner than the lead time (the confirmation just
 * told the customer everything).
 */
export async function planReminder(appointmentId: string, version: number, now = new Date()): Promise<ReminderPlan> {
  const loaded = await getAppointmentForEmail(appointmentId);
  if (!loaded) return { status: "skipped", reason: "appointment not found" };
  const { appointment, salon } = loaded;
  if (appointment.status !== "BOOKED") return { status: "skipped", reason: `appointment is ${appointment.status}` };
  if (appointment.scheduleVersion !== version) return { status: "skipped", reason: "appointment changed since" };
  const remindAt = new Date(appointment.startsAt.getTime() - salon.reminderLeadMinutes * 60_000);
  if (remindAt <= now) return { status: "skipped", reason: "starts within the reminder lead time" };
  return { status: "scheduled", remindAt: remindAt.toISOString() };
}

/** A single appointment's reminder: the plan with what the send step needs. */
export async function planAppointmentReminder(appointmentId: string, version: number): Promise<PlannedReminder> {
  const plan = await planReminder(appointmentId, version);
  return plan.status === "skipped" ? plan : { ...plan, appointmentId, scheduleVersion: version };
}

/**
 * A visit's one reminder, planned through its first segment: sent at the lead time before the visit's
 * start, keyed by that segment's schedule version, so moving the visit (which moves that segment) voids it.
 */
export async function planVisitReminder(visitId: string, now = new Date()): Promise<PlannedReminder> {
  const appointmentId = await firstSegmentOf(visitId);
  if (!appointmentId) return { status: "skipped", reason: "visit not found" };
  const loaded = await getAppointmentForEmail(appointmentId);
  if (!loaded) return { status: "skipped", reason: "appointment not found" };
  const plan = await planReminder(appointmentId, loaded.appointment.scheduleVersion, now);
  return plan.status === "skipped" ? plan : { ...plan, appointmentId, scheduleVersion: loaded.appointment.scheduleVersion };
}
