import { issueRefund } from "@/lib/payments/issue-refund";
import type { NotificationJob } from "../job";

/** Every refund the payments core asked for (a cancellation in time, a payment for a lost slot). */
export const issueRefundJob: NotificationJob<"payment.refund-requested"> = {
  id: "issue-refund",
  name: "Issue a refund",
  events: ["payment.refund-requested"],
  retries: 6,
  permission: "payments.apply",
  handler({ event, step }) {
    return step.run("refund", () => issueRefund(event.data.paymentId));
  },
};
