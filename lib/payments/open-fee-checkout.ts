import "server-only";
import { AppError } from "@/lib/errors";
import { findFeeByPayLinkToken } from "./data";
import { paymentKindLabels } from "./labels";
import { recordFeeCheckoutOpened } from "./mutations";
import { selectPaymentProvider } from "./select-provider";
import { paymentSettings } from "./settings";

/**
 * The hosted payment page for a fee the bank wants the customer to authenticate, opened from the
 * emailed link: the customer is on-session there, so the bank's check can happen, and no card data
 * reaches us. An open session is reused; a fresh idempotency key each hour keeps Stripe's idempotency
 * cache from handing back a session that expired meanwhile. The link is the bearer's: it opens only a
 * fee still waiting, and names nothing beyond it.
 */
export async function openFeeCheckout(token: string, now: Date = new Date()): Promise<{ url: string }> {
  const fee = await findFeeByPayLinkToken(token);
  if (!fee) throw new AppError("NOT_FOUND", "This payment link is not valid.");
  if (fee.status !== "REQUIRES_ACTION") throw new AppError("INVALID_TRANSITION", "This fee is no longer waiting for a payment.");
  if (fee.checkoutUrl) return { url: fee.checkoutUrl };

  const { appUrl } = paymentSettings();
  const description = `${paymentKindLabels[fee.kind]}: ${fee.appointment.service.name}`;
  const session = await selectPaymentProvider().createFeeCheckout({
    paymentId: fee.id,
    appointmentId: fee.appointmentId,
    amountCents: fee.amountCents,
    currency: fee.currency.trim(),
    description,
    providerCustomerId: fee.appointment.providerCustomerId,
    customerEmail: fee.appointment.customer.email,
    // Neither return address carries the token: the provider's page never learns it.
    successUrl: `${appUrl}/pay/fee?paid=1`,
    cancelUrl: `${appUrl}/pay/fee?cancelled=1`,
    idempotencyKey: `fee-checkout:${fee.id}:${Math.floor(now.getTime() / 3_600_000)}`,
  });
  await recordFeeCheckoutOpened(fee.id, session);
  return { url: session.url };
}
