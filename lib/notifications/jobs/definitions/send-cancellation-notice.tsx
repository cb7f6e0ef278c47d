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

export const visitCancellationEmail: AppointmentEmail<AppointmentCancellationProps> = { ...cancellationEmail, kind: "visit-cancellation" };

/** Tells the customer the appointment (or whole visit) is cancelled; the .ics (METHOD:CANCEL) removes it from their calendar. */
export const sendCancellationNoticeJob = emailJob({
  id: "send-cancellation-notice",
  name: "Send cancellation notice",
  events: ["appointment.cancelled", "visit.cancelled"],
  send: (event) => ({
    email: event.name === "visit.cancelled" ? visitCancellationEmail : cancellationEmail,
    context: { reason: event.data.reason },
  }),
});
