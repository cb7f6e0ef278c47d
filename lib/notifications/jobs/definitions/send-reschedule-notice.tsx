import AppointmentReschedule, { type AppointmentRescheduleProps } from "@/emails/appointment-reschedule";
import type { AppointmentEmail } from "../../appointment-email";
import { formatEmailDateTime } from "../../format-email-time";
import { emailJob } from "../email-job";

export const rescheduleEmail: AppointmentEmail<AppointmentRescheduleProps> = {
  kind: "reschedule",
  to: "customer",
  props: (base, { appointment, salon }, { previousStartsAt }) => ({
    ...base,
    previousStartsAt: formatEmailDateTime(previousStartsAt ? new Date(previousStartsAt) : appointment.startsAt, salon),
  }),
  subject: ({ serviceName, startsAt }) => `Changed: ${serviceName} is now ${startsAt}`,
  template: (props) => <AppointmentReschedule {...props} />,
};

export const visitRescheduleEmail: AppointmentEmail<AppointmentRescheduleProps> = { ...rescheduleEmail, kind: "visit-reschedule" };

/** Tells the customer the new time (or stylist/service) of an appointment or a whole visit; the .ics updates their calendar. */
export const sendRescheduleNoticeJob = emailJob({
  id: "send-reschedule-notice",
  name: "Send reschedule notice",
  events: ["appointment.rescheduled", "visit.rescheduled"],
  send: (event) =>
    event.name === "visit.rescheduled"
      ? { email: visitRescheduleEmail, context: { previousStartsAt: event.data.previousStartsAt } }
      : { email: rescheduleEmail, context: { previousStartsAt: event.data.previous.startsAt } },
});
