import "server-only";
import { db } from "@/lib/db";
import { historyActorId, historyActorKind, systemActor, type Actor } from "@/lib/auth/actor";
import { isExclusionViolation } from "@/lib/db-errors";
import { managesAppointment } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createOneTimeToken } from "@/lib/auth/tokens";
import { writeOutboxEvent } from "@/lib/notifications/mutations";

type Tx = Prisma.TransactionClient;

/** What a provider event says about one Checkout Session (the fields the handler acts on). */
export type CheckoutSessionFacts = {
  sessionId: string;
  appointmentId: string;
  amountCents: number;
  currency: string;
  /** The payment (or, in setup mode, the setup) intent: what a refund or a later charge refers to. */
  intentId: string | null;
  providerCustomerId: string | null;
  /** Set when the session pays a fee the bank asked the customer to authenticate (not a deposit). */
  feePaymentId: string | null;
};

export type EventOutcome =
  | "duplicate"
  | "booked"
  | "rebooked"
  | "refund-requested"
  | "expired"
  | "fee-succeeded"
  | "fee-failed"
  | "fee-needs-authentication"
  | "no-effect"
  | "ignored";

async function recordHistory(tx: Tx, actor: Actor, appointmentId: string, action: string, changes: Prisma.InputJsonObject) {
  await tx.appointmentEvent.create({
    data: { appointmentId, action, actorKind: historyActorKind(actor), actorId: historyActorId(actor), changes },
  });
}

/**
 * A provider event, applied at most once: its id is stored in the same transaction as its effect, so a
 * repeated delivery finds it and changes nothing, and a failed one leaves no trace and is retried.
 */
export async function applyProviderEventOnce(
  event: { id: string; type: string; appointmentId: string | null },
  apply: (tx: Tx) => Promise<EventOutcome>,
): Promise<EventOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      const inserted = await tx.$executeRaw`
        INSERT INTO "StripeEvent" ("id", "type", "appointmentId", "outcome") VALUES (${event.id}, ${event.type}, ${event.appointmentId}, 'applying')
        ON CONFLICT ("id") DO NOTHING`;
      if (inserted === 0) return "duplicate";
      const outcome = await apply(tx);
      await tx.stripeEvent.update({ where: { id: event.id }, data: { outcome } });
      return outcome;
    });
  } catch (error) {
    // Someone booked the slot between our check and the re-booking: fail, so the provider retries and
    // the next attempt sees the slot taken and refunds.
    if (isExclusionViolation(error)) throw new AppError("CONFLICT", "The slot was taken while the payment was applied; retry.");
    throw error;
  }
}

/**
 * The deposit row of a session, created when the customer opened checkout (or now, if it was lost).
 * Money taken for the first time is announced (a saved card alone, in setup mode, moves none).
 */
async function settleDeposit(tx: Tx, facts: CheckoutSessionFacts) {
  const data = {
    status: "SUCCEEDED" as const,
    amountCents: facts.amountCents,
    currency: facts.currency.toUpperCase(),
    paymentIntentId: facts.intentId,
  };
  const before = await tx.payment.findUnique({ where: { checkoutSessionId: facts.sessionId }, select: { status: true } });
  const deposit = await tx.payment.upsert({
    where: { checkoutSessionId: facts.sessionId },
    update: data,
    create: {
      ...data,
      appointmentId: facts.appointmentId,
      kind: "DEPOSIT",
      checkoutSessionId: facts.sessionId,
      triggeredByKind: "CUSTOMER",
    },
  });
  if (before?.status !== "SUCCEEDED" && deposit.amountCents > 0) await announcePayment(tx, "payment.succeeded", deposit);
  return deposit;
}

/** A money event for partners' webhooks, in the transaction that records it, so it is announced once. */
async function announcePayment(
  tx: Tx,
  name: "payment.succeeded" | "payment.refunded" | "payment.failed",
  payment: { id: string; appointmentId: string },
) {
  await writeOutboxEvent(tx, { name, data: { appointmentId: payment.appointmentId, paymentId: payment.id } });
}

/** A refund to issue for `payment` (the refund job calls the provider with the row id as idempotency key). */
export async function requestRefund(
  tx: Tx,
  actor: Actor,
  payment: { id: string; appointmentId: string; amountCents: number; currency: string },
) {
  const existing = await tx.payment.findFirst({ where: { refundOfId: payment.id, status: { not: "FAILED" } }, select: { id: true } });
  if (existing) return existing.id;
  const refund = await tx.payment.create({
    data: {
      appointmentId: payment.appointmentId,
      kind: "REFUND",
      status: "PENDING",
      amountCents: payment.amountCents,
      currency: payment.currency,
      refundOfId: payment.id,
      triggeredByKind: historyActorKind(actor),
      triggeredById: historyActorId(actor),
    },
    select: { id: true },
  });
  await writeOutboxEvent(tx, { name: "payment.refund-requested", data: { appointmentId: payment.appointmentId, paymentId: refund.id } });
  return refund.id;
}

/** One appointment a payment covers, as locked for the payment's change. */
type CoveredRow = { id: string; status: string; version: number; staffId: string; visitId: string | null };

/**
 * The appointments one payment covers, locked in order: every segment of the paid appointment's visit (a
 * single booking is a visit of one). A payment books, expires or refunds them together, never a part.
 */
async function lockCovered(tx: Tx, appointmentId: string): Promise<CoveredRow[]> {
  return tx.$queryRaw<CoveredRow[]>`
    SELECT "id", "status"::text AS "status", "version", "staffId", "visitId" FROM "Appointment"
     WHERE "id" = ${appointmentId} OR "visitId" = (SELECT "visitId" FROM "Appointment" WHERE "id" = ${appointmentId})
     ORDER BY "visitPosition", "id"
       FOR UPDATE`;
}

/** Whether every one of `ids` could be booked again: no other booking or hold overlaps its stylist's time. */
async function allStillFree(tx: Tx, ids: string[]): Promise<boolean> {
  const [row] = await tx.$queryRaw<Array<{ free: boolean }>>`
    SELECT NOT EXISTS (
      SELECT 1 FROM "Appointment" b, "Appointment" a
       WHERE a."id" = ANY(${ids}::text[]) AND b."id" <> a."id" AND b."staffId" = a."staffId"
         AND b."status" IN ('BOOKED', 'PENDING_PAYMENT')
         AND tstzrange(b."blockedFrom", b."blockedUntil", '[)') && tstzrange(a."blockedFrom", a."blockedUntil", '[)')
    ) AS "free"`;
  return row?.free ?? false;
}

/**
 * A completed checkout. A hold still running is booked, every segment of it. A hold that ran out (or was
 * given up) is booked again when every segment's time is still free, the exclusion constraint having the
 * last word; otherwise the money goes back, once, and the customer is told: never a part of a visit.
 */
export async function completeCheckout(tx: Tx, facts: CheckoutSessionFacts): Promise<EventOutcome> {
  const covered = await lockCovered(tx, facts.appointmentId);
  if (covered.length === 0) return "ignored";
  if (facts.feePaymentId) return completeFeeCheckout(tx, facts, facts.feePaymentId);
  const before = await tx.payment.findUnique({ where: { checkoutSessionId: facts.sessionId }, select: { status: true } });
  const deposit = await settleDeposit(tx, facts);
  if (covered.some((segment) => ["BOOKED", "COMPLETED", "NO_SHOW"].includes(segment.status))) {
    // A session given up when the salon waived the deposit (the desk took it in person, or not at all)
    // that the customer still completed: the money is not owed, so it goes back, once.
    if (before?.status === "FAILED") {
      await requestRefund(tx, systemActor, deposit);
      return "refund-requested";
    }
    return "no-effect";
  }

  // A segment staff cancelled on its own while the visit was held is left out; the rest is what was paid for.
  const live = covered.filter((segment) => segment.status !== "CANCELLED");
  const judged = live.length > 0 ? live : covered;
  const card = { providerCustomerId: facts.providerCustomerId };
  if (judged.every((segment) => segment.status === "PENDING_PAYMENT")) {
    await markBooked(tx, covered, judged, card);
    return "booked";
  }
  if (
    judged.every((segment) => segment.status === "EXPIRED") &&
    (await allStillFree(
      tx,
      judged.map((segment) => segment.id),
    ))
  ) {
    await markBooked(tx, covered, judged, card);
    return "rebooked";
  }
  await requestRefund(tx, systemActor, deposit);
  return "refund-requested";
}

/**
 * `toBook` of the covered appointments become BOOKED. Each is announced as created at its new version; a
 * visit of several also announces itself once (its one confirmation, reminder and stylists' notices).
 */
async function markBooked(
  tx: Tx,
  covered: readonly CoveredRow[],
  toBook: readonly CoveredRow[],
  card: { providerCustomerId: string | null },
  by: { actor: Actor; action: "paid" | "deposit-waived" } = { actor: systemActor, action: "paid" },
) {
  const wholeVisitId = covered.length > 1 ? (covered[0]!.visitId ?? undefined) : undefined;
  for (const appointment of toBook) {
    const version = appointment.version + 1;
    await tx.appointment.update({
      where: { id: appointment.id },
      // The booking happens now: reminders are keyed by this version (the schedule's), like a new booking's.
      data: { status: "BOOKED", paymentHoldUntil: null, version, scheduleVersion: version, providerCustomerId: card.providerCustomerId },
    });
    await recordHistory(tx, by.actor, appointment.id, by.action, { before: { status: appointment.status }, after: { status: "BOOKED" } });
    // Booked now, for everyone: the confirmation email, the stylist's notice, partners' webhooks.
    await writeOutboxEvent(tx, {
      name: "appointment.created",
      data: { appointmentId: appointment.id, version, ...(wholeVisitId && { wholeVisitId }) },
    });
  }
  if (wholeVisitId) {
    // The visit's version is the sum of its segments' (see VisitView), each booked one having moved by one.
    const version = covered.reduce((total, segment) => total + segment.version, 0) + toBook.length;
    await writeOutboxEvent(tx, { name: "visit.booked", data: { visitId: wholeVisitId, version } });
  }
}

/**
 * The hold is over unpaid: every segment it holds (a visit's are held together) is EXPIRED, their time free
 * again, and the waitlist hears of each. `onlyIfLapsed` (the timer's view) leaves alone a hold whose end
 * was moved later; the provider's "expired" does not wait.
 */
export async function expireHold(tx: Tx, appointmentId: string, now: Date, onlyIfLapsed: boolean): Promise<EventOutcome> {
  const expired = await tx.$queryRaw<Array<{ id: string; version: number }>>`
    UPDATE "Appointment" SET "status" = 'EXPIRED', "version" = "version" + 1, "updatedAt" = now()
     WHERE ("id" = ${appointmentId} OR "visitId" = (SELECT "visitId" FROM "Appointment" WHERE "id" = ${appointmentId}))
       AND "status" = 'PENDING_PAYMENT'
       AND (NOT ${onlyIfLapsed}::boolean OR "paymentHoldUntil" <= ${now})
    RETURNING "id", "version"`;
  if (expired.length === 0) return "no-effect";
  for (const segment of expired) {
    await recordHistory(tx, systemActor, segment.id, "expired", { before: { status: "PENDING_PAYMENT" }, after: { status: "EXPIRED" } });
  }
  await tx.payment.updateMany({
    where: { appointmentId: { in: expired.map((segment) => segment.id) }, kind: "DEPOSIT", status: "PENDING" },
    data: { status: "FAILED", failureMessage: "The checkout was not completed before the hold ran out." },
  });
  for (const segment of expired) {
    await writeOutboxEvent(tx, { name: "appointment.expired", data: { appointmentId: segment.id, version: segment.version } });
  }
  return "expired";
}

/** The timer's end of a hold (the Inngest run after its sleep, or the relay's sweep). */
export async function expirePaymentHold(appointmentId: string, now: Date = new Date()): Promise<EventOutcome> {
  return db.$transaction((tx) => expireHold(tx, appointmentId, now, true));
}

/** Every hold that has run out: the relay's fallback when no Inngest run sleeps through them. */
export async function expireLapsedPaymentHolds(now: Date = new Date()): Promise<number> {
  const lapsed = await db.appointment.findMany({
    where: { status: "PENDING_PAYMENT", paymentHoldUntil: { lte: now } },
    select: { id: true },
    take: 100,
  });
  let expired = 0;
  for (const { id } of lapsed) if ((await expirePaymentHold(id, now)) === "expired") expired++;
  return expired;
}

/** The deposit row for a new Checkout Session, and the moment the customer was sent to pay. */
export async function recordCheckoutOpened(input: {
  appointmentId: string;
  sessionId: string;
  url: string;
  amountCents: number;
  currency: string;
  now: Date;
}): Promise<void> {
  await db.$transaction([
    db.payment.upsert({
      where: { checkoutSessionId: input.sessionId },
      update: { checkoutUrl: input.url },
      create: {
        appointmentId: input.appointmentId,
        kind: "DEPOSIT",
        status: "PENDING",
        amountCents: input.amountCents,
        currency: input.currency,
        checkoutSessionId: input.sessionId,
        checkoutUrl: input.url,
        triggeredByKind: "CUSTOMER",
      },
    }),
    db.appointment.updateMany({
      where: { id: input.appointmentId, checkoutOpenedAt: null },
      data: { checkoutOpenedAt: input.now },
    }),
  ]);
}

/** The provider answered a refund: the row records its id, or why it failed (once: a repeated answer changes nothing). */
export async function recordRefundOutcome(paymentId: string, outcome: { refundId: string } | { error: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const settled = await tx.payment.updateMany({
      where: { id: paymentId, status: "PENDING" },
      data:
        "refundId" in outcome ? { status: "SUCCEEDED", refundId: outcome.refundId } : { status: "FAILED", failureMessage: outcome.error },
    });
    if (settled.count === 0) return;
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { id: true, appointmentId: true } });
    if ("refundId" in outcome) {
      await recordHistory(tx, systemActor, payment.appointmentId, "refunded", { after: { paymentId, refundId: outcome.refundId } });
    }
    await announcePayment(tx, "refundId" in outcome ? "payment.refunded" : "payment.failed", payment);
  });
}

/** A fee charged (or attempted) on the saved card, as the provider answered. */
export async function recordCharge(input: {
  appointmentId: string;
  kind: "LATE_CANCELLATION_FEE" | "NO_SHOW_FEE";
  amountCents: number;
  currency: string;
  status: "SUCCEEDED" | "FAILED" | "REQUIRES_ACTION";
  paymentIntentId: string | null;
  paymentMethodId: string | null;
  failureMessage: string | null;
  actor: Actor;
}): Promise<void> {
  await db.$transaction(async (tx) => {
    // Two clicks at once reach the provider with one idempotency key and get one intent back: locked on
    // the appointment, the second finds the first's row and records nothing (so nothing is emailed twice).
    await tx.$queryRaw`SELECT "id" FROM "Appointment" WHERE "id" = ${input.appointmentId} FOR UPDATE`;
    if (input.paymentIntentId) {
      const same = await tx.payment.findFirst({
        where: { appointmentId: input.appointmentId, kind: input.kind, paymentIntentId: input.paymentIntentId },
        select: { id: true },
      });
      if (same) return;
    }
    const payment = await tx.payment.create({
      select: { id: true, appointmentId: true },
      data: {
        appointmentId: input.appointmentId,
        kind: input.kind,
        status: input.status,
        amountCents: input.amountCents,
        currency: input.currency,
        paymentIntentId: input.paymentIntentId,
        failureMessage: input.failureMessage,
        triggeredByKind: historyActorKind(input.actor),
        triggeredById: historyActorId(input.actor),
      },
    });
    if (input.status === "SUCCEEDED") await announcePayment(tx, "payment.succeeded", payment);
    if (input.status === "FAILED") await announcePayment(tx, "payment.failed", payment);
    if (input.status === "REQUIRES_ACTION") await askForAuthentication(tx, payment);
    if (input.paymentMethodId) {
      await tx.appointment.update({ where: { id: input.appointmentId }, data: { providerPaymentMethodId: input.paymentMethodId } });
    }
  });
}

/** The appointments sharing `appointment`'s payment: its visit's segments (a single booking: itself). */
const coveredBy = (appointment: { id: string; visitId?: string | null }): Prisma.AppointmentWhereInput =>
  appointment.visitId ? { visitId: appointment.visitId } : { id: appointment.id };

/**
 * What a cancellation does to the money: inside the policy (or when the salon cancels) the deposit is
 * refunded; later it is kept, and the late fee, if the salon charges one, is asked of the saved card.
 * Runs in the cancellation's transaction, so the refund or the fee is promised together with it.
 */
export async function settleCancellation(
  tx: Tx,
  actor: Actor,
  appointment: { id: string; startsAt: Date; visitId?: string | null },
  options: { now: Date; bySalon: boolean },
): Promise<void> {
  const [deposit, salon, card] = await Promise.all([
    tx.payment.findFirst({
      where: { appointment: coveredBy(appointment), kind: "DEPOSIT", status: "SUCCEEDED" },
      select: { id: true, appointmentId: true, amountCents: true, currency: true },
    }),
    tx.salonSettings.findUnique({ where: { id: 1 }, select: { lateCancelWindowMinutes: true, lateCancelFeeCents: true } }),
    tx.appointment.findUnique({ where: { id: appointment.id }, select: { providerCustomerId: true } }),
  ]);
  if (!salon) return;
  const inTime = appointment.startsAt.getTime() - options.now.getTime() >= salon.lateCancelWindowMinutes * 60_000;
  if (deposit && (inTime || options.bySalon)) {
    await requestRefund(tx, actor, deposit);
    return;
  }
  if (!inTime && !options.bySalon && salon.lateCancelFeeCents > 0 && card?.providerCustomerId) {
    await writeOutboxEvent(tx, { name: "payment.fee-requested", data: { appointmentId: appointment.id, kind: "LATE_CANCELLATION_FEE" } });
  }
}

/** Staff refund a deposit by hand (a goodwill gesture, a mistake): the same refund path as a cancellation. */
export async function refundDeposit(actor: Actor, appointmentId: string): Promise<string> {
  return db.$transaction(async (tx) => {
    const appointment = await tx.appointment.findUnique({ where: { id: appointmentId }, select: { id: true, visitId: true } });
    // A visit's one deposit can be refunded from any of its segments.
    const deposit = await tx.payment.findFirst({
      where: { appointment: coveredBy(appointment ?? { id: appointmentId }), kind: "DEPOSIT", status: "SUCCEEDED" },
      select: { id: true, appointmentId: true, amountCents: true, currency: true },
    });
    if (!deposit) throw new AppError("INVALID_TRANSITION", "This appointment has no paid deposit to refund.");
    return requestRefund(tx, actor, deposit);
  });
}

/**
 * Staff book a hold without its deposit (paid in person, a regular): the hold becomes a booking, with the
 * usual confirmation, and an open checkout is no longer waited for. Locked like a provider event, so a
 * payment arriving at the same moment either comes first (and the deposit is kept as paid) or finds the
 * session given up and is refunded. Returns the Checkout Sessions left open, for the caller to expire, and
 * the visit when the hold has more than one segment, whose page staff go back to.
 */
export async function waiveDeposit(actor: Actor, appointmentId: string): Promise<{ openSessions: string[]; visitId: string | null }> {
  return db.$transaction(async (tx) => {
    const covered = await lockCovered(tx, appointmentId);
    // A visit is booked whole, so waiving its deposit needs powers over every segment.
    if (covered.length === 0 || !covered.every((segment) => managesAppointment(actor, segment))) {
      throw new AppError("NOT_FOUND", "That appointment does not exist.");
    }
    const held = covered.filter((segment) => segment.status === "PENDING_PAYMENT");
    if (held.length === 0 || held.length < covered.filter((segment) => segment.status !== "CANCELLED").length) {
      throw new AppError("INVALID_TRANSITION", "Only a booking waiting for its deposit can be booked without it.");
    }
    await markBooked(tx, covered, held, { providerCustomerId: null }, { actor, action: "deposit-waived" });
    const coveredIds = covered.map((segment) => segment.id);
    const open = await tx.payment.findMany({
      where: { appointmentId: { in: coveredIds }, kind: "DEPOSIT", status: "PENDING", checkoutSessionId: { not: null } },
      select: { checkoutSessionId: true },
    });
    await tx.payment.updateMany({
      where: { appointmentId: { in: coveredIds }, kind: "DEPOSIT", status: "PENDING" },
      data: { status: "FAILED", failureMessage: "Not needed: the salon booked it without a deposit." },
    });
    return {
      openSessions: open.flatMap((row) => (row.checkoutSessionId ? [row.checkoutSessionId] : [])),
      visitId: covered.length > 1 ? covered[0]!.visitId : null,
    };
  });
}

/**
 * The customer answered the bank's authentication for an off-session fee: the waiting charge becomes
 * taken or failed, once (a charge no longer waiting is left alone, so a repeated or late event changes nothing).
 */
export async function settleAuthenticatedCharge(
  tx: Tx,
  paymentIntentId: string,
  result: { succeeded: true } | { succeeded: false; message: string },
): Promise<EventOutcome> {
  const waiting = await tx.payment.findFirst({
    where: { paymentIntentId, status: "REQUIRES_ACTION", kind: { in: ["NO_SHOW_FEE", "LATE_CANCELLATION_FEE"] } },
    select: { id: true, appointmentId: true },
  });
  if (!waiting) return "no-effect";
  await tx.payment.update({
    where: { id: waiting.id },
    data: result.succeeded ? { status: "SUCCEEDED", failureMessage: null } : { status: "FAILED", failureMessage: result.message },
  });
  await announcePayment(tx, result.succeeded ? "payment.succeeded" : "payment.failed", waiting);
  return result.succeeded ? "fee-succeeded" : "fee-failed";
}

/**
 * The customer is emailed a link to pay a fee their bank wants them to authenticate, once per fee: the
 * stamp is set in the transaction that writes the event, so a repeated provider event or click finds it.
 */
async function askForAuthentication(tx: Tx, payment: { id: string; appointmentId: string }): Promise<boolean> {
  const { count } = await tx.payment.updateMany({
    where: { id: payment.id, status: "REQUIRES_ACTION", payLinkRequestedAt: null },
    data: { payLinkRequestedAt: new Date() },
  });
  if (count === 0) return false;
  await writeOutboxEvent(tx, {
    name: "payment.authentication-required",
    data: { appointmentId: payment.appointmentId, paymentId: payment.id },
  });
  return true;
}

/**
 * The provider says an off-session fee waits for the customer's authentication (`requires_action`, or a
 * failure with `authentication_required`): it stays waiting, and the customer hears of it once.
 */
export async function feeNeedsAuthentication(tx: Tx, paymentIntentId: string): Promise<EventOutcome> {
  const waiting = await tx.payment.findFirst({
    where: { paymentIntentId, status: "REQUIRES_ACTION", kind: { in: ["NO_SHOW_FEE", "LATE_CANCELLATION_FEE"] } },
    select: { id: true, appointmentId: true },
  });
  if (!waiting) return "no-effect";
  return (await askForAuthentication(tx, waiting)) ? "fee-needs-authentication" : "no-effect";
}

/** A fresh link for a fee still waiting: the raw token goes into the email only, its hash into the row. */
export async function issueFeePayLinkToken(paymentId: string): Promise<string | null> {
  const { raw, hashed } = createOneTimeToken();
  const { count } = await db.payment.updateMany({
    where: { id: paymentId, status: "REQUIRES_ACTION" },
    data: { payLinkTokenHash: hashed },
  });
  return count === 1 ? raw : null;
}

/** The Checkout Session opened for a waiting fee: reused while it is open, settled by its completion. */
export async function recordFeeCheckoutOpened(paymentId: string, session: { id: string; url: string }): Promise<void> {
  await db.payment.updateMany({
    where: { id: paymentId, status: "REQUIRES_ACTION" },
    data: { checkoutSessionId: session.id, checkoutUrl: session.url },
  });
}

/** A fee's Checkout Session expired unpaid: the next visit to the emailed link opens a new one. */
export async function forgetFeeCheckout(tx: Tx, sessionId: string): Promise<EventOutcome> {
  const { count } = await tx.payment.updateMany({
    where: { checkoutSessionId: sessionId, status: "REQUIRES_ACTION" },
    data: { checkoutSessionId: null, checkoutUrl: null },
  });
  return count > 0 ? "expired" : "no-effect";
}

/**
 * The customer paid a waiting fee through the emailed link: the fee is taken, once, and the link stops
 * working. Money for a fee already taken (a second session, paid too) is recorded and given back.
 */
async function completeFeeCheckout(tx: Tx, facts: CheckoutSessionFacts, paymentId: string): Promise<EventOutcome> {
  const fee = await tx.payment.findFirst({
    where: { id: paymentId, appointmentId: facts.appointmentId, kind: { in: ["NO_SHOW_FEE", "LATE_CANCELLATION_FEE"] } },
    select: { id: true, kind: true, status: true, checkoutSessionId: true },
  });
  if (!fee) return "ignored";
  // A fee recorded as failed meanwhile is still owed, unless a later attempt has taken it.
  const takenElsewhere =
    fee.status === "FAILED" &&
    (await tx.payment.count({ where: { appointmentId: facts.appointmentId, kind: fee.kind, status: "SUCCEEDED" } })) > 0;
  if (fee.status === "REQUIRES_ACTION" || (fee.status === "FAILED" && !takenElsewhere)) {
    await tx.payment.update({
      where: { id: fee.id },
      data: {
        status: "SUCCEEDED",
        failureMessage: null,
        paymentIntentId: facts.intentId,
        checkoutSessionId: facts.sessionId,
        checkoutUrl: null,
        payLinkTokenHash: null,
      },
    });
    await recordHistory(tx, systemActor, facts.appointmentId, "fee-paid", { after: { paymentId: fee.id } });
    await announcePayment(tx, "payment.succeeded", { id: fee.id, appointmentId: facts.appointmentId });
    return "fee-succeeded";
  }
  if (fee.checkoutSessionId === facts.sessionId) return "no-effect";
  const known = await tx.payment.findUnique({ where: { checkoutSessionId: facts.sessionId }, select: { id: true } });
  if (known) return "no-effect";
  const extra = await tx.payment.create({
    data: {
      appointmentId: facts.appointmentId,
      kind: fee.kind,
      status: "SUCCEEDED",
      amountCents: facts.amountCents,
      currency: facts.currency.toUpperCase(),
      checkoutSessionId: facts.sessionId,
      paymentIntentId: facts.intentId,
      triggeredByKind: "CUSTOMER",
    },
    select: { id: true, appointmentId: true, amountCents: true, currency: true },
  });
  await announcePayment(tx, "payment.succeeded", extra);
  await requestRefund(tx, systemActor, extra);
  return "refund-requested";
}
