import { randomUUID } from "node:crypto";
import type { PaymentProvider } from "./provider";

/**
 * The development stand-in for Stripe: the "hosted page" is /dev/checkout/{id}, which posts signed,
 * Stripe-shaped events to the real webhook handler. Refunds and saved-card charges succeed at once
 * (a development machine has no bank), with ids marked as local.
 */
export function testCheckoutProvider(appUrl: string): PaymentProvider {
  return {
    async createCheckout(request) {
      return { id: `cs_local_${randomUUID()}`, url: `${appUrl}/dev/checkout/${request.appointmentId}` };
    },
    async refund() {
      return { refundId: `re_local_${randomUUID()}` };
    },
    async chargeSavedCard(request) {
      return {
        status: "SUCCEEDED",
        paymentIntentId: `pi_local_${randomUUID()}`,
        paymentMethodId: request.paymentMethodId ?? "pm_local_card",
      };
    },
  };
}
