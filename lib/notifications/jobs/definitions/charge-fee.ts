import { systemActor } from "@/lib/auth/actor";
import { chargeFee } from "@/lib/payments/charge-fee";
import type { NotificationJob } from "../job";

/** A fee the policy charges by itself (a late cancellation), on the card saved at checkout. */
export const chargeFeeJob: NotificationJob<"payment.fee-requested"> = {
  id: "charge-fee",
  name: "Charge a fee to the saved card",
  events: ["payment.fee-requested"],
  retries: 4,
  permission: "payments.apply",
  handler({ event, step }) {
    return step.run("charge", () => chargeFee(systemActor, event.data.appointmentId, event.data.kind));
  },
};
