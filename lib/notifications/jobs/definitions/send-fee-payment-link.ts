import { deliverFeeLinkEmail } from "@/lib/payments/deliver-fee-link-email";
import { EMAIL_JOB_POLICY } from "../email-job";
import type { NotificationJob } from "../job";

/** A fee the bank wants authenticated: the customer is emailed a link to pay it themselves. */
export const sendFeePaymentLinkJob: NotificationJob<"payment.authentication-required"> = {
  id: "send-fee-payment-link",
  name: "Email the customer a link to pay a fee that needs authentication",
  events: ["payment.authentication-required"],
  ...EMAIL_JOB_POLICY,
  handler({ event, step }) {
    return step.run("send-fee-payment-link", () => deliverFeeLinkEmail(event.data.paymentId));
  },
};
