import PaymentHoldExpired from "@/emails/payment-hold-expired";
import { checkoutWasOpened } from "@/lib/payments/data";
import type { AppointmentEmail } from "../../appointment-email";
import { deliverAppointmentEmail } from "../../deliver-email";
import { EMAIL_JOB_POLICY } from "../email-job";
import type { NotificationJob } from "../job";

export const holdExpiredEmail: AppointmentEmail = {
  kind: "hold-expired",
  to: "customer",
  // The appointment is off: its calendar file removes anything the customer added while paying.
  cancels: true,
  props: (base) => base,
  subject: ({ serviceName, startsAt }) => `Your hold ran out: ${serviceName}, ${startsAt}`,
  template: (props) => <PaymentHoldExpired {...props} />,
};

/** Only a customer who went to pay hears that the hold ran out; an untouched hold ends silently. */
export const sendHoldExpiredNoteJob: NotificationJob<"appointment.expired"> = {
  id: "send-hold-expired-note",
  name: "Tell the customer their hold ran out",
  events: ["appointment.expired"],
  ...EMAIL_JOB_POLICY,
  async handler({ event, step }) {
    const { appointmentId, version } = event.data;
    if (!(await step.run("checkout-opened", () => checkoutWasOpened(appointmentId)))) return { status: "skipped" };
    return step.run("send-hold-expired-email", () => deliverAppointmentEmail(holdExpiredEmail, { appointmentId, version }));
  },
};
