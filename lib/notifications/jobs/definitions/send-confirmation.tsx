import AppointmentConfirmation from "@/emails/appointment-confirmation";
import type { AppointmentEmail } from "../../appointment-email";
import { emailJob } from "../email-job";

export const confirmationEmail: AppointmentEmail = {
  kind: "confirmation",
  to: "customer",
  props: (base) => base,
  subject: ({ serviceName, startsAt, salonName }) => `Booked: ${serviceName}, ${startsAt} at ${salonName}`,
  template: (props) => <AppointmentConfirmation {...props} />,
};

/** The customer's booking confirmation, with the calendar file. */
export const sendConfirmationJob = emailJob({
  id: "send-confirmation",
  name: "Send booking confirmation",
  events: ["appointment.created"],
  send: () => ({ email: confirmationEmail }),
});
