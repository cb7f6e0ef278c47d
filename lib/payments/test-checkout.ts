import "server-only";
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { getFee, getTestCheckout } from "./data";
import { handleProviderEvent } from "./handle-provider-event";
import type { EventOutcome } from "./mutations";
import { paymentSettings } from "./settings";
import { STRIPE_API_VERSION } from "./stripe-provider";
import { AUTHENTICATING_CUSTOMER_PREFIX } from "./test-checkout-provider";

/**
 * The development checkout exists only where it is the active provider: never in production (unless an
 * end-to-end run of the production build opted in with PAYMENTS_TEST_CHECKOUT), never beside Stripe.
 */
export function isTestCheckoutEnabled(): boolean {
  return paymentSettings().provider === "test-checkout";
}

export type TestCheckoutChoice = "pay" | "abandon";

/**
 * What Stripe would post when the customer pays or the session expires, built as Stripe shapes it and
 * signed with the webhook secret by the SDK's signer, then handed to the webhook's own handler, which
 * checks the signature like any other. So the test checkout exercises the real path end to end.
 */
export async function postTestCheckoutEvent(
  appointmentId: string,
  choice: TestCheckoutChoice,
  options: { feePaymentId: string | null; authenticatingCard: boolean } = { feePaymentId: null, authenticatingCard: false },
): Promise<EventOutcome | null> {
  const session = await testSessionOf(appointmentId, options.feePaymentId);
  const secret = paymentSettings().webhookSecret;
  if (!session?.checkoutSessionId || !secret) return null;
  const customerPrefix = options.authenticatingCard ? AUTHENTICATING_CUSTOMER_PREFIX : "cus_local_";
  const object = {
    id: session.checkoutSessionId,
    object: "checkout.session",
    mode: session.amountCents > 0 ? "payment" : "setup",
    metadata: { appointmentId, ...session.metadata },
    client_reference_id: appointmentId,
    amount_total: session.amountCents,
    currency: session.currency.trim().toLowerCase(),
    status: choice === "pay" ? "complete" : "expired",
    payment_status: choice === "pay" ? (session.amountCents > 0 ? "paid" : "no_payment_required") : "unpaid",
    payment_intent: choice === "pay" && session.amountCents > 0 ? `pi_local_${randomUUID()}` : null,
    setup_intent: choice === "pay" && session.amountCents === 0 ? `seti_local_${randomUUID()}` : null,
    customer: choice === "pay" ? (session.customer ?? `${customerPrefix}${randomUUID()}`) : null,
  };
  const payload = JSON.stringify({
    id: `evt_local_${randomUUID()}`,
    object: "event",
    api_version: STRIPE_API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type: choice === "pay" ? "checkout.session.completed" : "checkout.session.expired",
    data: { object },
  });
  return handleProviderEvent(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret }));
}

/** The open session the page stands for: the hold's deposit, or a fee waiting for the customer. */
async function testSessionOf(appointmentId: string, feePaymentId: string | null) {
  if (feePaymentId) {
    const fee = await getFee(feePaymentId);
    if (!fee || fee.appointmentId !== appointmentId) return null;
    return { ...fee, customer: fee.appointment.providerCustomerId, metadata: { paymentId: feePaymentId } };
  }
  const checkout = await getTestCheckout(appointmentId);
  const deposit = checkout?.payments[0];
  if (!checkout || !deposit) return null;
  const visitId = checkout.visit && checkout.visit.segments.length > 1 ? checkout.visit.id : undefined;
  return { ...deposit, customer: null, metadata: { version: String(checkout.version), ...(visitId && { visitId }) } };
}
