import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { visibleTo } from "@/lib/booking/data";

/** What opening a checkout needs to know about the appointment, as the actor may see it. */
export async function getAppointmentForCheckout(actor: Actor, appointmentId: string) {
  return db.appointment.findFirst({
    where: { id: appointmentId, ...visibleTo(actor) },
    select: {
      id: true,
      status: true,
      version: true,
      customerId: true,
      staffId: true,
      depositCents: true,
      currency: true,
      paymentHoldUntil: true,
      service: { select: { name: true, cardRequired: true } },
      customer: { select: { email: true } },
      payments: {
        where: { kind: "DEPOSIT", status: "PENDING", checkoutUrl: { not: null } },
        select: { checkoutSessionId: true, checkoutUrl: true },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
    },
  });
}

export async function getSalonPaymentPolicy() {
  return db.salonSettings.findUnique({
    where: { id: 1 },
    select: {
      currency: true,
      locale: true,
      lateCancelWindowMinutes: true,
      lateCancelFeeCents: true,
      noShowFeeCents: true,
      depositCountsTowardPrice: true,
      paymentHoldMinutes: true,
    },
  });
}

/** A refund waiting to be issued, with the payment it gives back. */
export async function getRefundToIssue(paymentId: string) {
  const refund = await db.payment.findUnique({
    where: { id: paymentId },
    select: { id: true, status: true, kind: true, amountCents: true, appointmentId: true, refundOfId: true },
  });
  if (!refund || refund.kind !== "REFUND" || !refund.refundOfId) return null;
  const original = await db.payment.findUnique({ where: { id: refund.refundOfId }, select: { paymentIntentId: true } });
  return { ...refund, paymentIntentId: original?.paymentIntentId ?? null };
}

/** Every payment of an appointment, newest first (the appointment page, the API). */
export async function listAppointmentPayments(appointmentId: string) {
  return db.payment.findMany({
    where: { appointmentId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      kind: true,
      status: true,
      amountCents: true,
      currency: true,
      checkoutSessionId: true,
      paymentIntentId: true,
      refundId: true,
      failureMessage: true,
      triggeredByKind: true,
      createdAt: true,
    },
  });
}

/** The card saved at checkout and what it was paid with, for a later fee. */
export async function getSavedCard(appointmentId: string) {
  const appointment = await db.appointment.findUnique({
    where: { id: appointmentId },
    select: {
      providerCustomerId: true,
      providerPaymentMethodId: true,
      currency: true,
      payments: { where: { kind: "DEPOSIT", status: "SUCCEEDED" }, select: { paymentIntentId: true }, take: 1 },
    },
  });
  return appointment;
}

/** The money side of one appointment: its deposit, its hold, and every payment (pages and the API). */
export async function getPaymentSummary(appointmentId: string) {
  const appointment = await db.appointment.findUnique({
    where: { id: appointmentId },
    select: { depositCents: true, currency: true, paymentHoldUntil: true, status: true, service: { select: { cardRequired: true } } },
  });
  if (!appointment) return null;
  return { ...appointment, currency: appointment.currency.trim(), payments: await listAppointmentPayments(appointmentId) };
}

export type PaymentSummary = NonNullable<Awaited<ReturnType<typeof getPaymentSummary>>>;

/** What charging a fee needs: who may, whether it applies, the card, and the attempts so far. */
export async function getFeeContext(appointmentId: string, kind: "LATE_CANCELLATION_FEE" | "NO_SHOW_FEE") {
  const [appointment, salon] = await Promise.all([
    db.appointment.findUnique({
      where: { id: appointmentId },
      select: {
        id: true,
        status: true,
        staffId: true,
        currency: true,
        providerCustomerId: true,
        providerPaymentMethodId: true,
        service: { select: { name: true } },
        payments: { select: { kind: true, status: true, paymentIntentId: true } },
      },
    }),
    db.salonSettings.findUnique({ where: { id: 1 }, select: { lateCancelFeeCents: true, noShowFeeCents: true } }),
  ]);
  if (!appointment || !salon) return null;
  const fees = appointment.payments.filter((payment) => payment.kind === kind);
  const depositIntent = appointment.payments.find(
    (payment) => payment.kind === "DEPOSIT" && payment.status === "SUCCEEDED",
  )?.paymentIntentId;
  return {
    ...appointment,
    amountCents: kind === "NO_SHOW_FEE" ? salon.noShowFeeCents : salon.lateCancelFeeCents,
    alreadyCharged: fees.some((fee) => fee.status === "SUCCEEDED" || fee.status === "REQUIRES_ACTION" || fee.status === "PENDING"),
    attempts: fees.length,
    depositIntent: depositIntent ?? null,
  };
}

/** Whether the customer was sent to the checkout page for this hold. */
export async function checkoutWasOpened(appointmentId: string): Promise<boolean> {
  const row = await db.appointment.findUnique({ where: { id: appointmentId }, select: { checkoutOpenedAt: true } });
  return Boolean(row?.checkoutOpenedAt);
}

/** The hold the test checkout page shows: the appointment and its open Checkout Session. */
export async function getTestCheckout(appointmentId: string) {
  return db.appointment.findUnique({
    where: { id: appointmentId },
    select: {
      id: true,
      status: true,
      depositCents: true,
      currency: true,
      paymentHoldUntil: true,
      startsAt: true,
      service: { select: { name: true } },
      payments: {
        where: { kind: "DEPOSIT", checkoutSessionId: { not: null } },
        select: { checkoutSessionId: true, amountCents: true, currency: true },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
    },
  });
}
