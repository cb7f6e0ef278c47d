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
 * A visit of several services pays once, through its first segment, for every segment it holds.
 */
export async function openCheckout(actor: Actor, appointmentId: string, now: Date = new Date()): Promise<{ url: string }> {
  const appointment = await getAppointmentForCheckout(actor, appointmentId);
  const own = actor.kind === "user" && appointment?.customerId === actor.userId;
  if (!appointment || !(own || managesAppointment(actor, appointment))) throw new AppError("NOT_FOUND", "That appointment does not exist.");
  const segments = appointment.visit?.segments ?? [];
  const first = segments[0];
  if (first && first.id !== appointment.id) return openCheckout(actor, first.id, now);
  if (appointment.status !== "PENDING_PAYMENT" || !appointment.paymentHoldUntil) {
    throw new AppError("INVALID_TRANSITION", "This appointment is not waiting for a payment.");
  }
  if (appointment.paymentHoldUntil <= now) throw new AppError("SLOT_UNAVAILABLE", "The hold on this time ran out. Please book again.");
  const [open] = appointment.payments;
  if (open?.checkoutUrl && open.status === "PENDING") return { url: open.checkoutUrl };

  const { appUrl } = paymentSettings();
  const currency = appointment.currency.trim();
  const fees = (await getSalonPaymentPolicy()) ?? { lateCancelFeeCents: 0, noShowFeeCents: 0 };
  // The appointments this payment covers: the visit's held segments (a single booking: itself).
  const held = segments.length > 0 ? segments.filter((segment) => segment.status === "PENDING_PAYMENT") : [appointment];
  const amountCents = held.reduce((total, segment) => total + segment.depositCents, 0);
  const saveCard = held.some(
    (segment) =>
      paymentNeedOf(
        { depositCents: segment.depositCents || null, depositPercent: null, cardRequired: segment.service.cardRequired },
        segment.depositCents,
        fees,
      )?.saveCard,
  );
  const services = held.map((segment) => segment.service.name).join(" + ");
  const session = await selectPaymentProvider().createCheckout({
    appointmentId: appointment.id,
    visitId: appointment.visit && segments.length > 1 ? appointment.visit.id : null,
    version: appointment.version,
    amountCents,
    currency,
    saveCard,
    description: amountCents > 0 ? `Deposit: ${services}` : `Card on file: ${services}`,
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
    amountCents,
    currency,
    now,
  });
  return { url: session.url };
}
