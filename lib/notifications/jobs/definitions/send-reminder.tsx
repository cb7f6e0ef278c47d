import AppointmentReminder from "@/emails/appointment-reminder";
import type { AppointmentEmail } from "../../appointment-email";
import { isSegmentOfVisitChange } from "../../outbox-events";
import { deliverAppointmentEmail } from "../../deliver-email";
import { planAppointmentReminder, planVisitReminder, type PlannedReminder } from "../../plan-reminder";
import { EMAIL_JOB_POLICY } from "../email-job";
import type { JobEvent, NotificationJob } from "../job";

export const reminderEmail: AppointmentEmail = {
  kind: "reminder",
  to: "customer",
  followsSchedule: true,
  props: (base) => base,
  subject: ({ serviceName, startsAt, salonName }) => `Reminder: ${serviceName}, ${startsAt} at ${salonName}`,
  template: (props) => <AppointmentReminder {...props} />,
};

export const REMINDER_SLEEP_STEP = "wait-until-reminder-time";

/** Each subject's events: booked, moved, cancelled (the key names it in their data). */
const SUBJECTS = {
  appointment: { key: "appointmentId", events: ["appointment.created", "appointment.rescheduled"], cancelledBy: "appointment.cancelled" },
  visit: { key: "visitId", events: ["visit.booked", "visit.rescheduled"], cancelledBy: "visit.cancelled" },
} as const;

type Subject = keyof typeof SUBJECTS;
type SubjectEvent<S extends Subject> = (typeof SUBJECTS)[S]["events"][number];

/**
 * Sleeps until the salon's reminder lead time before the start, then reminds the customer. A later
 * cancel or reschedule of the same subject cancels the sleeping run (cancelOn); the send step checks
 * again that the appointment is still BOOKED at the same version, in case that event raced the wake-up.
 */
function reminderJob<S extends Subject>(
  subject: S,
  config: { id: string; name: string; email: AppointmentEmail; plan(event: JobEvent<SubjectEvent<S>>): Promise<PlannedReminder> },
): NotificationJob<SubjectEvent<S>> {
  const { key, events, cancelledBy } = SUBJECTS[subject];
  const same = `async.data.${key} == event.data.${key}`;
  const { email, plan } = config;
  return {
    id: config.id,
    name: config.name,
    events,
    ...EMAIL_JOB_POLICY,
    cancelOn: [
      { event: cancelledBy, if: same },
      // The rescheduled event that started this run must not cancel it: only a newer version does.
      { event: events[1], if: `${same} && async.data.version > event.data.version` },
    ],
    async handler({ event, step }) {
      const planned = await step.run("plan-reminder", () => plan(event));
      if (planned.status === "skipped") return planned;
      await step.sleepUntil(REMINDER_SLEEP_STEP, new Date(planned.remindAt));
      return step.run("send-reminder-email", () =>
        deliverAppointmentEmail(email, { appointmentId: planned.appointmentId, version: planned.scheduleVersion }),
      );
    },
  };
}

export const sendReminderJob = reminderJob("appointment", {
  id: "send-reminder",
  name: "Send appointment reminder",
  email: reminderEmail,
  // A visit's segments are reminded once, by the visit's reminder.
  plan: async ({ data }) =>
    isSegmentOfVisitChange(data)
      ? { status: "skipped", reason: "the visit's reminder covers it" }
      : planAppointmentReminder(data.appointmentId, data.version),
});

export const visitReminderEmail: AppointmentEmail = { ...reminderEmail, kind: "visit-reminder" };

/** One reminder per visit of several services, listing every segment, through its first segment. */
export const sendVisitReminderJob = reminderJob("visit", {
  id: "send-visit-reminder",
  name: "Send visit reminder",
  email: visitReminderEmail,
  plan: ({ data }) => planVisitReminder(data.visitId),
});
