import { deliverRefundEmail } from "@/lib/payments/deliver-refund-email";
import { EMAIL_JOB_POLICY } from "../email-job";
import type { NotificationJob } from "../job";

/** A refund the provider confirmed: the customer hears that the money is on its way back. */
export const sendRefundNoteJob: NotificationJob<"payment.refunded"> = {
  id: "send-refund-note",
  name: "Tell the customer a payment was refunded",
  events: ["payment.refunded"],
  ...EMAIL_JOB_POLICY,
  handler({ event, step }) {
    return step.run("send-refund-email", () => deliverRefundEmail(event.data.paymentId));
  },
};
