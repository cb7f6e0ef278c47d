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

/** A visit's one confirmation, listing every segment: its own kind, so it never shares a dedupe key. */
export const visitConfirmationEmail: AppointmentEmail = { ...confirmationEmail, kind: "visit-confirmation" };

/** The customer's booking confirmation (one per visit), with the calendar file. */
export const sendConfirmationJob = emailJob({
  id: "send-confirmation",
  name: "Send booking confirmation",
  events: ["appointment.created", "visit.booked"],
  send: (event) => ({ email: event.name === "visit.booked" ? visitConfirmationEmail : confirmationEmail }),
});
