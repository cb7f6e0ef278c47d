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

/** Tells the customer the new time (or stylist/service); the .ics updates their calendar entry. */
export const sendRescheduleNoticeJob = emailJob({
  id: "send-reschedule-notice",
  name: "Send reschedule notice",
  events: ["appointment.rescheduled"],
  send: (event) => ({ email: rescheduleEmail, context: { previousStartsAt: event.data.previous.startsAt } }),
});
