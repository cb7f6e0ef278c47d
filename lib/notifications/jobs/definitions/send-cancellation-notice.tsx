import AppointmentCancellation, { type AppointmentCancellationProps } from "@/emails/appointment-cancellation";
import type { AppointmentEmail } from "../../appointment-email";
import { emailJob } from "../email-job";

export const cancellationEmail: AppointmentEmail<AppointmentCancellationProps> = {
  kind: "cancellation",
  to: "customer",
  cancels: true,
  props: (base, { appointment }, { reason }) => ({ ...base, reason: reason ?? appointment.cancellationReason }),
  subject: ({ serviceName, startsAt }) => `Cancelled: ${serviceName}, ${startsAt}`,
  template: (props) => <AppointmentCancellation {...props} />,
};

/** Tells the customer the appointment is cancelled; the .ics (METHOD:CANCEL) removes it from their calendar. */
export const sendCancellationNoticeJob = emailJob({
  id: "send-cancellation-notice",
  name: "Send cancellation notice",
  events: ["appointment.cancelled"],
  send: (event) => ({ email: cancellationEmail, context: { reason: event.data.reason } }),
});
