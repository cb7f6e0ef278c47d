import "server-only";
import Stripe from "stripe";
import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { afterAppointmentChange } from "@/lib/notifications/after-appointment-change";
import {
  applyProviderEventOnce,
  completeCheckout,
  expireHold,
  feeNeedsAuthentication,
  forgetFeeCheckout,
  settleAuthenticatedCharge,
  type CheckoutSessionFacts,
  type EventOutcome,
} from "./mutations";
import { paymentSettings } from "./settings";

/** The part of a Checkout Session the handler reads, checked: an event we cannot read is refused. */
const ZCheckoutSession = z.object({
  id: z.string().min(1),
  metadata: z.object({ appointmentId: z.string().min(1), paymentId: z.string().min(1).optional() }).loose(),
  amount_total: z.number().int().nullable().optional(),
  currency: z.string().nullable().optional(),
  payment_intent: z
    .union([z.string(), z.object({ id: z.string() }).loose()])
    .nullable()
    .optional(),
  setup_intent: z
    .union([z.string(), z.object({ id: z.string() }).loose()])
    .nullable()
    .optional(),
  customer: z
    .union([z.string(), z.object({ id: z.string() }).loose()])
    .nullable()
    .optional(),
});

/** The part of a PaymentIntent the handler reads: which charge, and why it failed. */
const ZPaymentIntent = z.object({
  id: z.string().min(1),
  last_payment_error: z.object({ message: z.string().optional(), code: z.string().optional() }).loose().nullable().optional(),
});

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? null));

function factsOf(object: unknown): CheckoutSessionFacts {
  const parsed = ZCheckoutSession.safeParse(object);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "The Checkout Session in this event does not name an appointment.");
  const session = parsed.data;
  return {
    sessionId: session.id,
    appointmentId: session.metadata.appointmentId,
    amountCents: session.amount_total ?? 0,
    currency: session.currency ?? "gbp",
    intentId: idOf(session.payment_intent) ?? idOf(session.setup_intent),
    providerCustomerId: idOf(session.customer),
    feePaymentId: session.metadata.paymentId ?? null,
  };
}

/**
 * POST /api/stripe/webhook's core: the signature checked by the SDK against the raw body (a bad one
 * changes nothing), then the event applied once. Stripe repeats events and sends them out of order:
 * "expired" after "completed" finds nothing to expire; a second copy of any event is a duplicate.
 */
export async function handleProviderEvent(rawBody: string, signature: string | null, now: Date = new Date()): Promise<EventOutcome> {
  const secret = paymentSettings().webhookSecret;
  if (!secret) throw new AppError("NOT_FOUND", "Payments are not set up on this server.");
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature ?? "", secret);
  } catch {
    throw new AppError("BAD_REQUEST", "The Stripe-Signature header does not match this body.");
  }
  // A verified event is the app acting for the provider: the same table decides, as for the payment jobs.
  assertCan("SYSTEM", "payments.apply");
  if (
    event.type === "payment_intent.succeeded" ||
    event.type === "payment_intent.payment_failed" ||
    event.type === "payment_intent.requires_action"
  ) {
    const intent = ZPaymentIntent.safeParse(event.data.object);
    if (!intent.success) throw new AppError("BAD_REQUEST", "The PaymentIntent in this event has no id.");
    // An off-session charge the bank wants authenticated fails with this code: the fee is not refused,
    // it waits for the customer, who is emailed a link to pay it.
    if (event.type === "payment_intent.requires_action" || intent.data.last_payment_error?.code === "authentication_required") {
      const outcome = await applyProviderEventOnce({ id: event.id, type: event.type, appointmentId: null }, (tx) =>
        feeNeedsAuthentication(tx, intent.data.id),
      );
      logger.info({ eventId: event.id, type: event.type, outcome }, "payment provider event");
      if (outcome === "fee-needs-authentication") afterAppointmentChange();
      return outcome;
    }
    const result =
      event.type === "payment_intent.succeeded"
        ? ({ succeeded: true } as const)
        : ({ succeeded: false, message: intent.data.last_payment_error?.message ?? "The customer's bank refused the charge." } as const);
    const outcome = await applyProviderEventOnce({ id: event.id, type: event.type, appointmentId: null }, (tx) =>
      settleAuthenticatedCharge(tx, intent.data.id, result),
    );
    logger.info({ eventId: event.id, type: event.type, outcome }, "payment provider event");
    if (outcome === "fee-succeeded" || outcome === "fee-failed") afterAppointmentChange();
    return outcome;
  }
  if (event.type !== "checkout.session.completed" && event.type !== "checkout.session.expired") {
    // Stored too, so the log shows what arrived; nothing else to do.
    return applyProviderEventOnce({ id: event.id, type: event.type, appointmentId: null }, async () => "ignored");
  }
  const facts = factsOf(event.data.object);
  const outcome = await applyProviderEventOnce({ id: event.id, type: event.type, appointmentId: facts.appointmentId }, (tx) =>
    event.type === "checkout.session.completed"
      ? completeCheckout(tx, facts)
      : facts.feePaymentId
        ? forgetFeeCheckout(tx, facts.sessionId)
        : expireHold(tx, facts.appointmentId, now, false),
  );
  logger.info({ eventId: event.id, type: event.type, appointmentId: facts.appointmentId, outcome }, "payment provider event");
  if (outcome !== "duplicate" && outcome !== "no-effect" && outcome !== "ignored") afterAppointmentChange();
  return outcome;
}
