import AppointmentConfirmation, { type AppointmentConfirmationProps } from "@/emails/appointment-confirmation";
import { paymentPolicyLines } from "@/lib/payments/policy-text";
import type { AppointmentEmail } from "../../appointment-email";
import { emailJob } from "../email-job";

export const confirmationEmail: AppointmentEmail<AppointmentConfirmationProps> = {
  kind: "confirmation",
  to: "customer",
  // A booking that took a deposit or a card repeats the policy the customer agreed to (a visit's: its
  // segments' deposits added up, as its one checkout took them).
  props: (base, { appointment, salon }) => {
    const covered = appointment.visit && appointment.visit.segmentCount > 1 ? appointment.visit.segments : [appointment];
    const depositCents = covered.reduce((total, segment) => total + segment.depositCents, 0);
    const cardRequired = covered.some((segment) => segment.service.cardRequired);
    return {
      ...base,
      paymentPolicy:
        depositCents > 0 || cardRequired
          ? paymentPolicyLines({ ...salon, depositCents, cardRequired, currency: appointment.currency })
          : [],
    };
  },
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
