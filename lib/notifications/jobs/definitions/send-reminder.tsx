import AppointmentReminder from "@/emails/appointment-reminder";
import type { AppointmentEmail } from "../../appointment-email";
import { deliverAppointmentEmail } from "../../deliver-email";
import { planReminder, planVisitReminder } from "../../plan-reminder";
import { EMAIL_JOB_POLICY } from "../email-job";
import type { NotificationJob } from "../job";

export const reminderEmail: AppointmentEmail = {
  kind: "reminder",
  to: "customer",
  followsSchedule: true,
  props: (base) => base,
  subject: ({ serviceName, startsAt, salonName }) => `Reminder: ${serviceName}, ${startsAt} at ${salonName}`,
  template: (props) => <AppointmentReminder {...props} />,
};

export const REMINDER_SLEEP_STEP = "wait-until-reminder-time";

/**
 * Sleeps until the salon's reminder lead time before the start, then reminds the customer. A later
 * cancel or reschedule of the same appointment cancels the sleeping run (cancelOn); the send step checks
 * again that the appointment is still BOOKED at the same version, in case that event raced the wake-up.
 */
export const sendReminderJob: NotificationJob<"appointment.created" | "appointment.rescheduled"> = {
  id: "send-reminder",
  name: "Send appointment reminder",
  events: ["appointment.created", "appointment.rescheduled"],
  ...EMAIL_JOB_POLICY,
  cancelOn: [
    { event: "appointment.cancelled", if: "async.data.appointmentId == event.data.appointmentId" },
    {
      event: "appointment.rescheduled",
      // The rescheduled event that started this run must not cancel it: only a newer version does.
      if: "async.data.appointmentId == event.data.appointmentId && async.data.version > event.data.version",
    },
  ],
  async handler({ event, step }) {
    const { appointmentId, version } = event.data;
    const plan = await step.run("plan-reminder", () => planReminder(appointmentId, version));
    if (plan.status === "skipped") return plan;
    await step.sleepUntil(REMINDER_SLEEP_STEP, new Date(plan.remindAt));
    return step.run("send-reminder-email", () => deliverAppointmentEmail(reminderEmail, { appointmentId, version }));
  },
};

export const visitReminderEmail: AppointmentEmail = { ...reminderEmail, kind: "visit-reminder" };

/** One reminder per visit of several services, listing every segment; cancelled like the single one. */
export const sendVisitReminderJob: NotificationJob<"visit.booked" | "visit.rescheduled"> = {
  id: "send-visit-reminder",
  name: "Send visit reminder",
  events: ["visit.booked", "visit.rescheduled"],
  ...EMAIL_JOB_POLICY,
  cancelOn: [
    { event: "visit.cancelled", if: "async.data.visitId == event.data.visitId" },
    { event: "visit.rescheduled", if: "async.data.visitId == event.data.visitId && async.data.version > event.data.version" },
  ],
  async handler({ event, step }) {
    const plan = await step.run("plan-visit-reminder", () => planVisitReminder(event.data.visitId));
    if (plan.status === "skipped") return plan;
    await step.sleepUntil(REMINDER_SLEEP_STEP, new Date(plan.remindAt));
    return step.run("send-visit-reminder-email", () =>
      deliverAppointmentEmail(visitReminderEmail, { appointmentId: plan.appointmentId, version: plan.scheduleVersion }),
    );
  },
};
