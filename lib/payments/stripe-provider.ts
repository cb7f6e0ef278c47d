import Stripe from "stripe";
import { AppError } from "@/lib/errors";
import type { ChargeOutcome, ChargeRequest, CheckoutRequest, FeeCheckoutRequest, PaymentProvider, RefundRequest } from "./provider";

/** The API version this code was written against (the SDK's own); pinned so Stripe's upgrades wait for us. */
export const STRIPE_API_VERSION = "2026-11-18.endive";

// Stripe refuses a Checkout Session that expires sooner than 30 minutes after its creation.
const MIN_SESSION_MS = 30 * 60_000 + 5_000;

/** The official SDK, optionally pointed at another host (a local stub in tests). */
export function stripeClientOf(secretKey: string, baseUrl?: string): Stripe {
  const url = baseUrl ? new URL(baseUrl) : null;
  return new Stripe(secretKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: 1,
    timeout: 20_000,
    telemetry: false,
    ...(url && {
      host: url.hostname,
      port: Number(url.port || (url.protocol === "http:" ? 80 : 443)),
      protocol: url.protocol === "http:" ? "http" : "https",
    }),
  });
}

/** Stripe's 5xx, rate limits and network failures: the caller retries later; card errors are answers. */
function unavailable(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  return new AppError("PAYMENT_PROVIDER_UNAVAILABLE", `The payment provider did not answer: ${message}`);
}

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  typeof value === "string" ? value : (value?.id ?? null);

export function stripeProvider(stripe: Stripe): PaymentProvider {
  return {
    async createCheckout(request: CheckoutRequest) {
      const metadata = {
        appointmentId: request.appointmentId,
        version: String(request.version),
        ...(request.visitId && { visitId: request.visitId }),
      };
      const currency = request.currency.trim().toLowerCase();
      // The hold may be shorter than Stripe's minimum: a payment after the hold is handled as a late one.
      const expiresAt = Math.max(request.expiresAt.getTime(), Date.now() + MIN_SESSION_MS);
      const common = {
        metadata,
        client_reference_id: request.appointmentId,
        customer_email: request.customerEmail,
        customer_creation: "always" as const,
        expires_at: Math.ceil(expiresAt / 1000),
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
      };
      try {
        const session =
          request.amountCents > 0
            ? await stripe.checkout.sessions.create(
                {
                  ...common,
                  mode: "payment",
                  line_items: [
                    {
                      quantity: 1,
                      price_data: { currency, unit_amount: request.amountCents, product_data: { name: request.description } },
                    },
                  ],
                  payment_intent_data: { metadata, ...(request.saveCard && { setup_future_usage: "off_session" as const }) },
                },
                { idempotencyKey: request.idempotencyKey },
              )
            : await stripe.checkout.sessions.create(
                { ...common, mode: "setup", currency, setup_intent_data: { metadata } },
                { idempotencyKey: request.idempotencyKey },
              );
        if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL");
        return { id: session.id, url: session.url };
      } catch (error) {
        throw unavailable(error);
      }
    },

    async createFeeCheckout(request: FeeCheckoutRequest) {
      const metadata = { appointmentId: request.appointmentId, paymentId: request.paymentId };
      try {
        const session = await stripe.checkout.sessions.create(
          {
            mode: "payment",
            metadata,
            client_reference_id: request.appointmentId,
            ...(request.providerCustomerId ? { customer: request.providerCustomerId } : { customer_email: request.customerEmail }),
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: request.currency.trim().toLowerCase(),
                  unit_amount: request.amountCents,
                  product_data: { name: request.description },
                },
              },
            ],
            payment_intent_data: { metadata, description: request.description },
            success_url: request.successUrl,
            cancel_url: request.cancelUrl,
          },
          { idempotencyKey: request.idempotencyKey },
        );
        if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL");
        return { id: session.id, url: session.url };
      } catch (error) {
        throw unavailable(error);
      }
    },

    async expireCheckout(sessionId: string) {
      try {
        await stripe.checkout.sessions.expire(sessionId, {}, { idempotencyKey: `expire:${sessionId}` });
      } catch (error) {
        // Already completed or expired: nothing is left open, which is what was asked.
        if (error instanceof Stripe.errors.StripeInvalidRequestError) return;
        throw unavailable(error);
      }
    },

    async refund(request: RefundRequest) {
      try {
        const refund = await stripe.refunds.create(
          { payment_intent: request.paymentIntentId, amount: request.amountCents, metadata: { appointmentId: request.appointmentId } },
          { idempotencyKey: request.idempotencyKey },
        );
        return { refundId: refund.id };
      } catch (error) {
        // Stripe will never accept this request (already refunded, more than was paid): retrying cannot
        // help, so it is recorded as a failed refund for staff to see instead.
        if (error instanceof Stripe.errors.StripeInvalidRequestError)
          throw new AppError("CONFLICT", `Stripe refused the refund: ${error.message}`);
        throw unavailable(error);
      }
    },

    async chargeSavedCard(request: ChargeRequest): Promise<ChargeOutcome> {
      try {
        const paymentMethodId = request.paymentMethodId ?? (await savedCardOf(stripe, request.paymentIntentOfCard));
        const intent = await stripe.paymentIntents.create(
          {
            amount: request.amountCents,
            currency: request.currency.trim().toLowerCase(),
            customer: request.providerCustomerId,
            payment_method: paymentMethodId ?? undefined,
            off_session: true,
            confirm: true,
            description: request.description,
            metadata: { appointmentId: request.appointmentId },
          },
          { idempotencyKey: request.idempotencyKey },
        );
        if (intent.status === "succeeded")
          return { status: "SUCCEEDED", paymentIntentId: intent.id, paymentMethodId: paymentMethodId ?? "" };
        return {
          status: "REQUIRES_ACTION",
          paymentIntentId: intent.id,
          paymentMethodId,
          message: `The payment is ${intent.status.replaceAll("_", " ")}.`,
        };
      } catch (error) {
        // A 402: the bank declined, or wants the customer to authenticate (then the intent is kept).
        if (error instanceof Stripe.errors.StripeCardError) {
          const intent = error.payment_intent;
          const needsAction = error.code === "authentication_required";
          return {
            status: needsAction ? "REQUIRES_ACTION" : "FAILED",
            paymentIntentId: intent?.id ?? null,
            paymentMethodId: idOf(intent?.payment_method) ?? request.paymentMethodId,
            message: error.message,
          };
        }
        throw unavailable(error);
      }
    },
  };
}

async function savedCardOf(stripe: Stripe, paymentIntentId: string | null): Promise<string | null> {
  if (!paymentIntentId) return null;
  if (paymentIntentId.startsWith("seti_")) return idOf((await stripe.setupIntents.retrieve(paymentIntentId)).payment_method);
  return idOf((await stripe.paymentIntents.retrieve(paymentIntentId)).payment_method);
}
