/**
 * What the payments core asks of a payment provider: a hosted checkout for a deposit, a refund, a charge
 * of a saved card. Stripe is the real one; the test checkout stands in for it on a development machine
 * without a key. Every request carries an idempotency key, so a retried job never moves money twice.
 */
export type CheckoutRequest = {
  /** The appointment the payment row hangs on: a visit's first segment for a visit of several. */
  appointmentId: string;
  /** Set for a visit of several services: the session pays for every segment it holds. */
  visitId: string | null;
  version: number;
  /** 0 with `saveCard`: nothing is charged now, the card is only saved (Stripe's setup mode). */
  amountCents: number;
  currency: string;
  saveCard: boolean;
  description: string;
  customerEmail: string;
  expiresAt: Date;
  successUrl: string;
  cancelUrl: string;
  idempotencyKey: string;
};

export type CheckoutSession = { id: string; url: string };

export type RefundRequest = { paymentIntentId: string; amountCents: number; appointmentId: string; idempotencyKey: string };

export type ChargeRequest = {
  providerCustomerId: string;
  paymentIntentOfCard: string | null;
  paymentMethodId: string | null;
  amountCents: number;
  currency: string;
  description: string;
  appointmentId: string;
  idempotencyKey: string;
};

export type ChargeOutcome =
  | { status: "SUCCEEDED"; paymentIntentId: string; paymentMethodId: string }
  | { status: "REQUIRES_ACTION"; paymentIntentId: string | null; paymentMethodId: string | null; message: string }
  | { status: "FAILED"; paymentIntentId: string | null; paymentMethodId: string | null; message: string };

/** A hosted page for a fee the bank wants the customer to authenticate: on-session, as Stripe's docs advise. */
export type FeeCheckoutRequest = {
  paymentId: string;
  appointmentId: string;
  amountCents: number;
  currency: string;
  description: string;
  /** The customer the card was saved for (so the hosted page can offer it), else their email. */
  providerCustomerId: string | null;
  customerEmail: string;
  successUrl: string;
  cancelUrl: string;
  idempotencyKey: string;
};

export type PaymentProvider = {
  createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
  createFeeCheckout(request: FeeCheckoutRequest): Promise<CheckoutSession>;
  /** Closes an open Checkout Session so it can no longer be paid (a session already closed is fine). */
  expireCheckout(sessionId: string): Promise<void>;
  refund(request: RefundRequest): Promise<{ refundId: string }>;
  chargeSavedCard(request: ChargeRequest): Promise<ChargeOutcome>;
};
