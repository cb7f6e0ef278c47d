import type { AppointmentEmail, EmailContext } from "../appointment-email";
import { deliverAppointmentEmail } from "../deliver-email";
import type { TAppointmentEventName } from "../outbox-events";
import type { JobEvent, NotificationJob } from "./job";

/** How every email job retries and what it is allowed to do (checked for SYSTEM before each run). */
export const EMAIL_JOB_POLICY = { retries: 4, permission: "notifications.send" } as const;

type EmailJobConfig<N extends TAppointmentEventName> = Pick<NotificationJob<N>, "id" | "name" | "events"> & {
  /** Which email the event sends, and what the event tells it beyond the appointment's current state. */
  send(event: JobEvent<N>): { email: AppointmentEmail; context?: EmailContext };
};

/** A job that answers each of its events with one email, sent in one retried step. */
export function emailJob<N extends TAppointmentEventName>({ send, ...config }: EmailJobConfig<N>): NotificationJob<N> {
  return {
    ...config,
    ...EMAIL_JOB_POLICY,
    handler({ event, step }) {
      const { email, context } = send(event);
      // Widening N to every appointment event: each of them carries the appointment and its version.
      const { appointmentId, version } = (event as JobEvent<TAppointmentEventName>).data;
      return step.run(`send-${email.kind}-email`, () => deliverAppointmentEmail(email, { appointmentId, version, ...context }));
    },
  };
}
