import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { managesAppointment } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getAppointmentForCheckout, getSalonPaymentPolicy } from "./data";
import { paymentNeedOf } from "./deposit-policy";
import { recordCheckoutOpened } from "./mutations";
import { selectPaymentProvider } from "./select-provider";
import { paymentSettings } from "./settings";

/**
 * The hosted checkout page of a hold, created once per appointment version (the idempotency key), so
 * reopening the link, or two tabs at once, lead to the same session. Only the hold's customer (or staff
 * who manage it) may open it, and only while the hold runs: a payment is never asked for a lost slot.
 */
export async function openCheckout(actor: Actor, appointmentId: string, now: Date = new Date()): Promise<{ url: string }> {
  const appointment = await getAppointmentForCheckout(actor, appointmentId);
  const own = actor.kind === "user" && appointment?.customerId === actor.userId;
  if (!appointment || !(own || managesAppointment(actor, appointment))) throw new AppError("NOT_FOUND", "That appointment does not exist.");
  if (appointment.status !== "PENDING_PAYMENT" || !appointment.paymentHoldUntil) {
    throw new AppError("INVALID_TRANSITION", "This appointment is not waiting for a payment.");
  }
  if (appointment.paymentHoldUntil <= now) throw new AppError("SLOT_UNAVAILABLE", "The hold on this time ran out. Please book again.");
  const [open] = appointment.payments;
  if (open?.checkoutUrl && open.status === "PENDING") return { url: open.checkoutUrl };

  const { appUrl } = paymentSettings();
  const currency = appointment.currency.trim();
  const fees = (await getSalonPaymentPolicy()) ?? { lateCancelFeeCents: 0, noShowFeeCents: 0 };
  const need = paymentNeedOf(
    { depositCents: appointment.depositCents || null, depositPercent: null, cardRequired: appointment.service.cardRequired },
    appointment.depositCents,
    fees,
  );
  const session = await selectPaymentProvider().createCheckout({
    appointmentId: appointment.id,
    version: appointment.version,
    amountCents: appointment.depositCents,
    currency,
    saveCard: need?.saveCard ?? false,
    description: appointment.depositCents > 0 ? `Deposit: ${appointment.service.name}` : `Card on file: ${appointment.service.name}`,
    customerEmail: appointment.customer.email,
    expiresAt: appointment.paymentHoldUntil,
    successUrl: `${appUrl}/appointments/${appointment.id}?notice=paid`,
    cancelUrl: `${appUrl}/appointments/${appointment.id}`,
    idempotencyKey: `checkout:${appointment.id}:${appointment.version}`,
  });
  await recordCheckoutOpened({
    appointmentId: appointment.id,
    sessionId: session.id,
    url: session.url,
    amountCents: appointment.depositCents,
    currency,
    now,
  });
  return { url: session.url };
}
