import { randomUUID } from "node:crypto";
import type { PaymentProvider } from "./provider";

/** The test checkout's customers whose saved card asks for authentication on every charge. */
export const AUTHENTICATING_CUSTOMER_PREFIX = "cus_local_auth_";

/**
 * The development stand-in for Stripe: the "hosted page" is /dev/checkout/{id}, which posts signed,
 * Stripe-shaped events to the real webhook handler. Refunds and saved-card charges succeed at once
 * (a development machine has no bank), with ids marked as local, except on a card saved after authenticating.
 */
export function testCheckoutProvider(appUrl: string): PaymentProvider {
  return {
    async createCheckout(request) {
      return { id: `cs_local_${randomUUID()}`, url: `${appUrl}/dev/checkout/${request.appointmentId}` };
    },
    async createFeeCheckout(request) {
      return { id: `cs_local_fee_${randomUUID()}`, url: `${appUrl}/dev/checkout/${request.appointmentId}?fee=${request.paymentId}` };
    },
    async expireCheckout() {},
    async refund() {
      return { refundId: `re_local_${randomUUID()}` };
    },
    async chargeSavedCard(request) {
      // A card saved through the test checkout's authentication step behaves like Stripe's 3D Secure test
      // card: the bank asks the customer to authenticate every later charge too.
      if (request.providerCustomerId.startsWith(AUTHENTICATING_CUSTOMER_PREFIX)) {
        return {
          status: "REQUIRES_ACTION",
          paymentIntentId: `pi_local_${randomUUID()}`,
          paymentMethodId: request.paymentMethodId ?? "pm_local_card_authenticate",
          message: "The customer's bank asks them to authenticate this payment (test card).",
        };
      }
      return {
        status: "SUCCEEDED",
        paymentIntentId: `pi_local_${randomUUID()}`,
        paymentMethodId: request.paymentMethodId ?? "pm_local_card",
      };
    },
  };
}
