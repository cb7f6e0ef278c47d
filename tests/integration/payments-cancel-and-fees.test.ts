import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { bookAppointment, cancelAppointment, finishAppointment } from "@/lib/booking/mutations";
import { AppError } from "@/lib/errors";
import { chargeFee } from "@/lib/payments/charge-fee";
import { openCheckout } from "@/lib/payments/open-checkout";
import { openFeeCheckout } from "@/lib/payments/open-fee-checkout";
import { resetPaymentSettings } from "@/lib/payments/settings";
import { postTestCheckoutEvent } from "@/lib/payments/test-checkout";
import { publishPendingOutbox } from "@/lib/notifications/publisher";
import { resendEmail } from "@/lib/notifications/resend-email";
import { useEmbeddedDelivery } from "../support/notifications-fixtures";
import { at, createBookingFixture, errorOf, NOW_2030, type BookingFixture } from "../support/booking-fixtures";

/**
 * Cancellations and fees through the development test checkout (no Stripe key): the same handler, the
 * same refund and fee jobs, run in-process by the embedded publisher.
 */

let f: BookingFixture;
const DAY_MS = 86_400_000;

beforeAll(async () => {
  for (const name of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE_URL"]) delete process.env[name];
  resetPaymentSettings();
  useEmbeddedDelivery();
  f = await createBookingFixture();
  await db.service.update({ where: { id: f.cut }, data: { depositCents: 1000 } });
  await db.salonSettings.update({
    where: { id: 1 },
    data: { lateCancelWindowMinutes: 48 * 60, lateCancelFeeCents: 0, noShowFeeCents: 3000, cancelCutoffMinutes: 0 },
  });
});

/** A hold booked and paid on the test checkout (`authenticatingCard`: through its authentication step). */
async function paidBooking(startsAt: Date, options = { authenticatingCard: false }) {
  const held = await bookAppointment(
    f.actors.alice,
    { customerId: f.alice, serviceId: f.cut, staffId: f.amy, startsAt, source: "WEB" },
    { now: new Date(Math.max(Date.now(), NOW_2030.getTime())) },
  );
  await openCheckout(f.actors.alice, held.id);
  expect(await postTestCheckoutEvent(held.id, "pay", { feePaymentId: null, ...options })).toBe("booked");
  await settle(held.id);
  return db.appointment.findUniqueOrThrow({ where: { id: held.id } });
}

/**
 * Every outbox row of the appointment handled: the change's own after-response publish may hold some
 * (it runs in the background here), so this publishes too and waits for the rest.
 */
async function settle(appointmentId: string): Promise<void> {
  await vi.waitFor(
    async () => {
      await publishPendingOutbox();
      expect(await db.outboxEvent.count({ where: { appointmentId, publishedAt: null, deadAt: null } })).toBe(0);
    },
    { timeout: 20_000, interval: 200 },
  );
}

const paymentsOf = (appointmentId: string) =>
  db.payment.findMany({ where: { appointmentId }, orderBy: { createdAt: "asc" }, select: { kind: true, status: true, amountCents: true } });

describe("paying on the test checkout", () => {
  it("books the hold and sends the confirmation email", async () => {
    const booked = await paidBooking(at("2030-01-07T10:00"));
    expect(booked.status).toBe("BOOKED");
    const emails = await db.emailMessage.findMany({ where: { appointmentId: booked.id }, select: { kind: true } });
    expect(emails.map((email) => email.kind)).toContain("confirmation");
  });
});

describe("cancelling a paid booking", () => {
  it("inside the policy's window refunds the deposit, once", async () => {
    const booked = await paidBooking(at("2030-01-14T10:00"));
    await cancelAppointment(f.actors.alice, { appointmentId: booked.id }, { now: new Date(booked.startsAt.getTime() - 3 * DAY_MS) });
    await settle(booked.id);
    expect(await paymentsOf(booked.id)).toEqual([
      { kind: "DEPOSIT", status: "SUCCEEDED", amountCents: 1000 },
      { kind: "REFUND", status: "SUCCEEDED", amountCents: 1000 },
    ]);
  });

  it("late keeps the deposit", async () => {
    const booked = await paidBooking(at("2030-01-15T10:00"));
    await cancelAppointment(f.actors.alice, { appointmentId: booked.id }, { now: new Date(booked.startsAt.getTime() - DAY_MS) });
    await settle(booked.id);
    expect(await paymentsOf(booked.id)).toEqual([{ kind: "DEPOSIT", status: "SUCCEEDED", amountCents: 1000 }]);
  });

  it("late charges the late-cancellation fee to the saved card when the salon has one", async () => {
    await db.salonSettings.update({ where: { id: 1 }, data: { lateCancelFeeCents: 2000 } });
    try {
      const booked = await paidBooking(at("2030-01-16T10:00"));
      await cancelAppointment(f.actors.alice, { appointmentId: booked.id }, { now: new Date(booked.startsAt.getTime() - DAY_MS) });
      await settle(booked.id);
      expect(await paymentsOf(booked.id)).toEqual([
        { kind: "DEPOSIT", status: "SUCCEEDED", amountCents: 1000 },
        { kind: "LATE_CANCELLATION_FEE", status: "SUCCEEDED", amountCents: 2000 },
      ]);
    } finally {
      await db.salonSettings.update({ where: { id: 1 }, data: { lateCancelFeeCents: 0 } });
    }
  });

  it("by the salon refunds the deposit whatever the time", async () => {
    const booked = await paidBooking(at("2030-01-17T10:00"));
    await cancelAppointment(
      f.actors.staff,
      { appointmentId: booked.id, reason: "Stylist unwell" },
      { now: new Date(booked.startsAt.getTime() - 60_000 * 60) },
    );
    await settle(booked.id);
    expect((await paymentsOf(booked.id)).map((payment) => payment.kind)).toEqual(["DEPOSIT", "REFUND"]);
  });
});

describe("the no-show fee", () => {
  it("is charged once to the saved card by the front desk, after the appointment is marked a no-show", async () => {
    const booked = await paidBooking(at("2030-01-21T10:00"));
    const early = await errorOf(chargeFee(f.actors.staff, booked.id, "NO_SHOW_FEE"));
    expect((early as AppError).code).toBe("INVALID_TRANSITION");
    await finishAppointment(
      f.actors.staff,
      { appointmentId: booked.id, status: "NO_SHOW" },
      { now: new Date(booked.startsAt.getTime() + 60_000) },
    );
    expect(((await errorOf(chargeFee(f.actors.alice, booked.id, "NO_SHOW_FEE"))) as AppError).code).toBe("NOT_FOUND");
    expect(await chargeFee(f.actors.staff, booked.id, "NO_SHOW_FEE")).toBe("SUCCEEDED");
    expect(((await errorOf(chargeFee(f.actors.staff, booked.id, "NO_SHOW_FEE"))) as AppError).code).toBe("CONFLICT");
    const fee = await db.payment.findFirstOrThrow({ where: { appointmentId: booked.id, kind: "NO_SHOW_FEE" } });
    expect(fee).toMatchObject({ status: "SUCCEEDED", amountCents: 3000, triggeredByKind: "STAFF", triggeredById: f.ben });
  });
});

/** A paid booking marked a no-show whose fee the card's bank wants authenticated: its link email is out. */
async function noShowAwaitingAuthentication(startsAt: Date) {
  const booked = await paidBooking(startsAt, { authenticatingCard: true });
  await finishAppointment(
    f.actors.staff,
    { appointmentId: booked.id, status: "NO_SHOW" },
    { now: new Date(booked.startsAt.getTime() + 60_000) },
  );
  expect(await chargeFee(f.actors.staff, booked.id, "NO_SHOW_FEE")).toBe("REQUIRES_ACTION");
  await settle(booked.id);
  return booked;
}

/** The one-time token in the copy the customer was sent (the development mailbox keeps it). */
const tokenIn = async (emailId: string) =>
  /\/pay\/fee\?token=([A-Za-z0-9_-]+)/.exec((await db.mailboxMessage.findFirstOrThrow({ where: { emailId } })).text)?.[1];

describe("a no-show fee on a card that asks for authentication (the test checkout)", () => {
  it("emails a link to the development mailbox whose test checkout settles the fee when paid", async () => {
    const booked = await noShowAwaitingAuthentication(at("2030-01-22T10:00"));
    const logged = await db.emailMessage.findFirstOrThrow({ where: { appointmentId: booked.id, kind: "payment.fee-link" } });
    const token = await tokenIn(logged.id);
    expect(token).toBeDefined();

    const fee = await db.payment.findFirstOrThrow({ where: { appointmentId: booked.id, kind: "NO_SHOW_FEE" } });
    const { url } = await openFeeCheckout(token!);
    expect(url).toMatch(new RegExp(`/dev/checkout/${booked.id}\\?fee=${fee.id}$`));
    expect(await postTestCheckoutEvent(booked.id, "pay", { feePaymentId: fee.id, authenticatingCard: false })).toBe("fee-succeeded");
    expect(await postTestCheckoutEvent(booked.id, "pay", { feePaymentId: fee.id, authenticatingCard: false })).toBe("no-effect");
    await settle(booked.id);
    expect(await paymentsOf(booked.id)).toEqual([
      { kind: "DEPOSIT", status: "SUCCEEDED", amountCents: 1000 },
      { kind: "NO_SHOW_FEE", status: "SUCCEEDED", amountCents: 3000 },
    ]);
    expect(await db.emailMessage.count({ where: { appointmentId: booked.id, kind: "payment.fee-link" } })).toBe(1);
  });

  it("resent from the email log, sends a new working link and retires the old one; refused once paid", async () => {
    const booked = await noShowAwaitingAuthentication(at("2030-01-23T10:00"));
    const first = await db.emailMessage.findFirstOrThrow({ where: { appointmentId: booked.id, kind: "payment.fee-link" } });
    const oldToken = await tokenIn(first.id);

    const resentId = await resendEmail(first.id);
    const resent = await db.emailMessage.findUniqueOrThrow({ where: { id: resentId } });
    expect(resent).toMatchObject({ kind: "payment.fee-link", status: "SENT", to: first.to });
    // The log still never holds a usable link; the customer's copy does.
    expect(resent.text).not.toMatch(/token=/);
    const newToken = await tokenIn(resentId);
    expect(newToken).toBeDefined();
    expect(newToken).not.toBe(oldToken);
    expect(((await errorOf(openFeeCheckout(oldToken!))) as AppError).code).toBe("NOT_FOUND");
    const fee = await db.payment.findFirstOrThrow({ where: { appointmentId: booked.id, kind: "NO_SHOW_FEE" } });
    expect((await openFeeCheckout(newToken!)).url).toMatch(new RegExp(`/dev/checkout/${booked.id}\\?fee=${fee.id}$`));

    expect(await postTestCheckoutEvent(booked.id, "pay", { feePaymentId: fee.id, authenticatingCard: false })).toBe("fee-succeeded");
    expect(((await errorOf(resendEmail(resentId))) as AppError).code).toBe("INVALID_TRANSITION");
  });
});
