import AppointmentConfirmation, { type AppointmentConfirmationProps } from "@/emails/appointment-confirmation";
import { paymentPolicyLines } from "@/lib/payments/policy-text";
import type { AppointmentEmail } from "../../appointment-email";
import { emailJob } from "../email-job";

export const confirmationEmail: AppointmentEmail<AppointmentConfirmationProps> = {
  kind: "confirmation",
  to: "customer",
  // A booking that took a deposit or a card repeats the policy the customer agreed to.
  props: (base, { appointment, salon }) => ({
    ...base,
    paymentPolicy:
      appointment.depositCents > 0 || appointment.service.cardRequired
        ? paymentPolicyLines({
            ...salon,
            depositCents: appointment.depositCents,
            cardRequired: appointment.service.cardRequired,
            currency: appointment.currency,
          })
        : [],
  }),
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
