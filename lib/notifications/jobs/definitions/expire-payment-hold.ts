import { expirePaymentHold } from "@/lib/payments/mutations";
import type { NotificationJob } from "../job";

/**
 * A hold waiting for its deposit ends by itself: the run sleeps until the hold's end and expires it if
 * it is still unpaid (the embedded runner cannot sleep: the relay's sweep, expireLapsedPaymentHolds,
 * does it there). Paying first makes the expiry a no-op, so the two never race.
 */
export const expirePaymentHoldJob: NotificationJob<"appointment.payment-pending"> = {
  id: "expire-payment-hold",
  name: "Expire an unpaid hold",
  events: ["appointment.payment-pending"],
  retries: 4,
  permission: "payments.apply",
  cancelOn: [{ event: "appointment.created", if: "event.data.appointmentId == async.data.appointmentId" }],
  async handler({ event, step }) {
    await step.sleepUntil("hold", new Date(event.data.holdUntil));
    return step.run("expire-hold", () => expirePaymentHold(event.data.appointmentId));
  },
};
