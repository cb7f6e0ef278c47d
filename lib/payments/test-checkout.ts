import "server-only";
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { getTestCheckout } from "./data";
import { handleProviderEvent } from "./handle-provider-event";
import type { EventOutcome } from "./mutations";
import { paymentSettings } from "./settings";
import { STRIPE_API_VERSION } from "./stripe-provider";

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
export async function postTestCheckoutEvent(appointmentId: string, choice: TestCheckoutChoice): Promise<EventOutcome | null> {
  const checkout = await getTestCheckout(appointmentId);
  const session = checkout?.payments[0];
  const secret = paymentSettings().webhookSecret;
  if (!checkout || !session?.checkoutSessionId || !secret) return null;
  const object = {
    id: session.checkoutSessionId,
    object: "checkout.session",
    mode: session.amountCents > 0 ? "payment" : "setup",
    metadata: {
      appointmentId,
      version: String(checkout.version),
      ...(checkout.visit && checkout.visit.segments.length > 1 && { visitId: checkout.visit.id }),
    },
    client_reference_id: appointmentId,
    amount_total: session.amountCents,
    currency: session.currency.trim().toLowerCase(),
    status: choice === "pay" ? "complete" : "expired",
    payment_status: choice === "pay" ? (session.amountCents > 0 ? "paid" : "no_payment_required") : "unpaid",
    payment_intent: choice === "pay" && session.amountCents > 0 ? `pi_local_${randomUUID()}` : null,
    setup_intent: choice === "pay" && session.amountCents === 0 ? `seti_local_${randomUUID()}` : null,
    customer: choice === "pay" ? `cus_local_${randomUUID()}` : null,
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
