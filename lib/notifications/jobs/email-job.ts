import type { AppointmentEmail, EmailContext } from "../appointment-email";
import { deliverAppointmentEmail, deliverVisitEmail } from "../deliver-email";
import { isSegmentOfVisitChange, type TAppointmentEventName, type TVisitEventName } from "../outbox-events";
import type { JobEvent, NotificationJob } from "./job";

/** How every email job retries and what it is allowed to do (checked for SYSTEM before each run). */
export const EMAIL_JOB_POLICY = { retries: 4, permission: "notifications.send" } as const;

type EmailEventName = TAppointmentEventName | TVisitEventName;

type EmailJobConfig<N extends EmailEventName> = Pick<NotificationJob<N>, "id" | "name" | "events"> & {
  /** Which email the event sends, and what the event tells it beyond the appointment's current state. */
  send(event: JobEvent<N>): { email: AppointmentEmail; context?: EmailContext };
};

/**
 * A job that answers each of its events with one email, sent in one retried step: about the appointment,
 * or about the whole visit for a visit's event (a segment's own event of that change sends nothing).
 */
export function emailJob<N extends EmailEventName>({ send, ...config }: EmailJobConfig<N>): NotificationJob<N> {
  return {
    ...config,
    ...EMAIL_JOB_POLICY,
    handler({ event, step }) {
      // Widening N to every email event: each carries its appointment or visit and that one's version.
      const { data } = event as JobEvent<EmailEventName>;
      if (isSegmentOfVisitChange(data)) return Promise.resolve({ status: "skipped", reason: "the visit's own event sends it" });
      const { email, context } = send(event);
      return step.run(`send-${email.kind}-email`, () =>
        "visitId" in data
          ? deliverVisitEmail(email, { visitId: data.visitId, version: data.version, ...context })
          : deliverAppointmentEmail(email, { appointmentId: data.appointmentId, version: data.version, ...context }),
      );
    },
  };
}
