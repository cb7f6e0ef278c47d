import "server-only";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/auth/tokens";
import type { Actor } from "@/lib/auth/actor";
import type { PaymentKind, PaymentStatus, Prisma } from "@/lib/generated/prisma/client";
import { visibleTo } from "@/lib/booking/data";
import { decodeStartsAtCursor, startsAtPageOf } from "@/lib/cursor";
import { paymentTotalsOf } from "./payment-totals";

/** A hold as its checkout needs it: the deposit, the hold's end and the open Checkout Session, if any. */
const checkoutSelect = {
  id: true,
  status: true,
  version: true,
  customerId: true,
  staffId: true,
  depositCents: true,
  currency: true,
  paymentHoldUntil: true,
  startsAt: true,
  service: { select: { name: true, cardRequired: true } },
  customer: { select: { email: true } },
  // A visit of several services pays once for all its segments, through its first one.
  visit: {
    select: {
      id: true,
      segments: {
        orderBy: { visitPosition: "asc" },
        select: { id: true, status: true, depositCents: true, service: { select: { name: true, cardRequired: true } } },
      },
    },
  },
  payments: {
    where: { kind: "DEPOSIT", checkoutSessionId: { not: null } },
    select: { checkoutSessionId: true, checkoutUrl: true, status: true, amountCents: true, currency: true },
    orderBy: { createdAt: "desc" },
    take: 1,
  },
} satisfies Prisma.AppointmentSelect;

/** What opening a checkout needs to know about the appointment, as the actor may see it. */
export async function getAppointmentForCheckout(actor: Actor, appointmentId: string) {
  return db.appointment.findFirst({ where: { id: appointmentId, ...visibleTo(actor) }, select: checkoutSelect });
}

/** The hold the test checkout page shows (the page stands in for the provider's: no actor). */
export async function getTestCheckout(appointmentId: string) {
  return db.appointment.findUnique({ where: { id: appointmentId }, select: checkoutSelect });
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

/** A refund as its email tells the customer of it, or null when the row is not a refund. */
export async function getRefundForEmail(paymentId: string) {
  const refund = await db.payment.findUnique({
    where: { id: paymentId },
    select: {
      kind: true,
      status: true,
      amountCents: true,
      currency: true,
      appointmentId: true,
      appointment: { select: { status: true, customer: { select: { email: true } } } },
    },
  });
  return refund?.kind === "REFUND" ? refund : null;
}

const paymentRowSelect = {
  id: true,
  kind: true,
  status: true,
  amountCents: true,
  currency: true,
  failureMessage: true,
  createdAt: true,
} satisfies Prisma.PaymentSelect;

/**
 * The money side of one appointment: its deposit, its hold, and every payment (pages and the API). The
 * segments of a visit share one payment, so each answers with the visit's: the deposits added up, a card
 * asked for if any service asks for one, and the payments of every segment.
 */
export async function getPaymentSummary(appointmentId: string) {
  const appointment = await db.appointment.findUnique({
    where: { id: appointmentId },
    select: { id: true, visitId: true, currency: true, paymentHoldUntil: true, status: true },
  });
  if (!appointment) return null;
  const covered = await db.appointment.findMany({
    where: appointment.visitId ? { visitId: appointment.visitId } : { id: appointment.id },
    select: { id: true, depositCents: true, service: { select: { cardRequired: true } } },
  });
  const payments = await db.payment.findMany({
    where: { appointmentId: { in: covered.map((segment) => segment.id) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: paymentRowSelect,
  });
  return {
    depositCents: covered.reduce((total, segment) => total + segment.depositCents, 0),
    currency: appointment.currency.trim(),
    paymentHoldUntil: appointment.paymentHoldUntil,
    status: appointment.status,
    service: { cardRequired: covered.some((segment) => segment.service.cardRequired) },
    payments,
  };
}

/** One payment as its webhook shows it (null when it is gone with its appointment). */
export async function getPayment(paymentId: string) {
  return db.payment.findUnique({
    where: { id: paymentId },
    select: { id: true, appointmentId: true, kind: true, status: true, amountCents: true, currency: true, createdAt: true },
  });
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

export type PaymentListFilter = {
  kind?: PaymentKind;
  status?: PaymentStatus;
  /** Created at or after (inclusive). */
  from?: Date;
  /** Created before (exclusive). */
  until?: Date;
};

function createdWithin(filter: PaymentListFilter): Prisma.PaymentWhereInput {
  return filter.from || filter.until
    ? { createdAt: { ...(filter.from && { gte: filter.from }), ...(filter.until && { lt: filter.until }) } }
    : {};
}

/** Every payment of the salon, newest first, one keyset page at a time (the dashboard's payments list). */
export async function listPayments(filter: PaymentListFilter, page: { limit: number; cursor?: string }) {
  const after = page.cursor === undefined ? undefined : decodeStartsAtCursor(page.cursor);
  const rows = await db.payment.findMany({
    where: {
      AND: [
        createdWithin(filter),
        filter.kind ? { kind: filter.kind } : {},
        filter.status ? { status: filter.status } : {},
        after ? { OR: [{ createdAt: { lt: after.startsAt } }, { createdAt: after.startsAt, id: { lt: after.id } }] } : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    select: {
      id: true,
      kind: true,
      status: true,
      amountCents: true,
      currency: true,
      failureMessage: true,
      createdAt: true,
      triggeredByKind: true,
      triggeredById: true,
      appointment: { select: { id: true, startsAt: true, customer: { select: { name: true } }, service: { select: { name: true } } } },
    },
  });
  const { items, nextCursor } = startsAtPageOf(rows, page.limit, (row) => row.createdAt);
  const ids = [...new Set(items.flatMap((item) => (item.triggeredById ? [item.triggeredById] : [])))];
  const [users, keys] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    db.apiKey.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, prefix: true } }),
  ]);
  const names = new Map([
    ...users.map((user) => [user.id, user.name] as const),
    ...keys.map((key) => [key.id, `API key ${key.name} (${key.prefix}…)`] as const),
  ]);
  return {
    items: items.map((item) => ({
      ...item,
      currency: item.currency.trim(),
      triggeredByName: item.triggeredById ? (names.get(item.triggeredById) ?? null) : null,
    })),
    nextCursor,
  };
}

export type PaymentListItem = Awaited<ReturnType<typeof listPayments>>["items"][number];

/** Money that moved in the date range, per currency: only succeeded payments count. */
export async function paymentTotals(filter: Pick<PaymentListFilter, "from" | "until">) {
  const groups = await db.payment.groupBy({
    by: ["kind", "currency"],
    where: { ...createdWithin(filter), status: "SUCCEEDED" },
    _sum: { amountCents: true },
  });
  return paymentTotalsOf(
    groups.map((group) => ({ kind: group.kind, currency: group.currency.trim(), cents: group._sum.amountCents ?? 0 })),
  );
}

/** A fee as its payment-link email and page show it. */
const feeSelect = {
  id: true,
  appointmentId: true,
  kind: true,
  status: true,
  amountCents: true,
  currency: true,
  checkoutUrl: true,
  checkoutSessionId: true,
  appointment: {
    select: {
      id: true,
      startsAt: true,
      providerCustomerId: true,
      service: { select: { name: true } },
      customer: { select: { name: true, email: true } },
    },
  },
} satisfies Prisma.PaymentSelect;

/** A fee by its id (the payment-link email; the test checkout), or null when the row is not a fee. */
export async function getFee(paymentId: string) {
  const fee = await db.payment.findUnique({ where: { id: paymentId }, select: feeSelect });
  return fee && (fee.kind === "NO_SHOW_FEE" || fee.kind === "LATE_CANCELLATION_FEE") ? fee : null;
}

/** The fee an emailed payment link names, found by its token's hash (the raw token is never stored). */
export async function findFeeByPayLinkToken(token: string) {
  if (!token) return null;
  return db.payment.findUnique({ where: { payLinkTokenHash: hashToken(token) }, select: feeSelect });
}

export type FeeView = NonNullable<Awaited<ReturnType<typeof getFee>>>;
