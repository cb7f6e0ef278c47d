import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as stripeWebhook } from "@/app/api/stripe/webhook/route";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { bookAppointment, cancelAppointment } from "@/lib/booking/mutations";
import { AppError } from "@/lib/errors";
import { publishPendingOutbox } from "@/lib/notifications/publisher";
import { expirePaymentHold, waiveDeposit } from "@/lib/payments/mutations";
import { openCheckout } from "@/lib/payments/open-checkout";
import { resetPaymentSettings } from "@/lib/payments/settings";
import { bookVisit, cancelVisit } from "@/lib/visits/mutations";
import { at, createBookingFixture, errorOf, NOW_2030, type BookingFixture } from "../support/booking-fixtures";
import { startHttpStub, type RecordedRequest, type StubReply } from "../support/http-stub";
import { useEmbeddedDelivery } from "../support/notifications-fixtures";

// The tests publish the outbox themselves, so the refund job never races them to the Stripe stub.
vi.mock("@/lib/notifications/after-appointment-change", () => ({ afterAppointmentChange: vi.fn() }));

/**
 * A visit of several services whose services ask for a deposit, paid once: the real Stripe SDK against a
 * local stub, and the webhook handler fed events signed by the SDK's test signer. Fixture: a cut (60 min
 * + 10 after) then a massage (60 min, 5 before, 10 after), both with Amy, deposits of 15.00 and 10.00.
 */

const WEBHOOK_SECRET = "whsec_test_secret_for_visit_deposits";
const DAY_MS = 86_400_000;
let reply: (request: RecordedRequest) => StubReply = () => ({ status: 500, body: {} });
const stripeApi = await startHttpStub((request) => reply(request));
let f: BookingFixture;
let sessions = 0;

const stripeReply = (request: RecordedRequest): StubReply => {
  if (request.path === "/v1/checkout/sessions") {
    sessions++;
    return {
      status: 200,
      body: { id: `cs_visit_${sessions}`, object: "checkout.session", url: `https://checkout.stripe.test/v/${sessions}` },
    };
  }
  if (request.path === "/v1/refunds")
    return { status: 200, body: { id: `re_visit_${request.headers["idempotency-key"]}`, object: "refund" } };
  return { status: 404, body: { error: { type: "invalid_request_error", message: "unknown" } } };
};

beforeAll(async () => {
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_visits",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE_URL: stripeApi.url,
  });
  resetPaymentSettings();
  useEmbeddedDelivery();
  f = await createBookingFixture({ cancelCutoffMinutes: 0 });
  await db.service.update({ where: { id: f.cut }, data: { depositCents: 1500 } });
  await db.service.update({ where: { id: f.massage }, data: { depositCents: 1000 } });
  await db.salonSettings.update({ where: { id: 1 }, data: { noShowFeeCents: 0, lateCancelFeeCents: 0, lateCancelWindowMinutes: 48 * 60 } });
});

afterAll(async () => {
  for (const name of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE_URL"]) delete process.env[name];
  resetPaymentSettings();
  await stripeApi.close();
});

beforeEach(() => {
  stripeApi.requests.length = 0;
  reply = stripeReply;
});

// The hold is checked against the real clock when the checkout opens: book it with a near-future hold.
const bookedNow = () => new Date(Math.max(Date.now(), NOW_2030.getTime()));

/** Cut then massage with Amy, for `customer`, held for its deposits. */
const holdVisit = (startsAt: Date, customerId = f.alice, actor: Actor = f.actors.alice) =>
  bookVisit(
    actor,
    {
      customerId,
      startsAt,
      items: [
        { serviceId: f.cut, staffId: f.amy },
        { serviceId: f.massage, staffId: f.amy },
      ],
      source: "WEB",
    },
    { now: bookedNow() },
  );

function signed(event: { id: string; type: string; object: Record<string, unknown> }): Request {
  const payload = JSON.stringify({
    id: event.id,
    object: "event",
    type: event.type,
    data: { object: event.object },
    api_version: "2026-11-18.endive",
  });
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
  return new Request("http://localhost/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": header }, body: payload });
}

/** What Stripe posts when the visit's checkout is paid: the session names the first segment and the visit. */
const completed = (eventId: string, visit: { id: string; segments: { id: string }[] }, sessionId: string) =>
  signed({
    id: eventId,
    type: "checkout.session.completed",
    object: {
      id: sessionId,
      object: "checkout.session",
      metadata: { appointmentId: visit.segments[0]!.id, version: "1", visitId: visit.id },
      amount_total: 2500,
      currency: "gbp",
      payment_intent: `pi_for_${sessionId}`,
      customer: "cus_visit_1",
    },
  });

const outcomeOf = async (response: Response) => ((await response.json()) as { outcome: string }).outcome;
const statusesOf = async (visitId: string) =>
  (await db.appointment.findMany({ where: { visitId }, orderBy: { visitPosition: "asc" }, select: { status: true } })).map(
    (row) => row.status,
  );
const form = (request: RecordedRequest) => new URLSearchParams(request.body);

/** The customer opens the visit's checkout: the id of the session Stripe created. */
async function openedSession(visit: { segments: { id: string }[] }): Promise<string> {
  await openCheckout(f.actors.alice, visit.segments[0]!.id);
  const deposit = await db.payment.findFirstOrThrow({ where: { appointmentId: visit.segments[0]!.id, kind: "DEPOSIT" } });
  return deposit.checkoutSessionId!;
}

/** A held visit, paid through the webhook, with everything it announced handled. */
async function paidVisit(startsAt: Date) {
  const visit = await holdVisit(startsAt);
  const session = await openedSession(visit);
  expect(await outcomeOf(await stripeWebhook(completed(`evt_paid_${visit.id}`, visit, session)))).toBe("booked");
  await publishPendingOutbox();
  return visit;
}

describe("booking a visit with deposit services", () => {
  it("holds every segment as PENDING_PAYMENT until one hold end, with each segment's own deposit", async () => {
    const visit = await holdVisit(at("2030-01-07T09:00"));
    expect(visit.status).toBe("PENDING_PAYMENT");
    const rows = await db.appointment.findMany({ where: { visitId: visit.id }, orderBy: { visitPosition: "asc" } });
    expect(rows.map((row) => [row.status, row.depositCents])).toEqual([
      ["PENDING_PAYMENT", 1500],
      ["PENDING_PAYMENT", 1000],
    ]);
    expect(rows[0]!.paymentHoldUntil).toEqual(rows[1]!.paymentHoldUntil);
    // Nothing is announced as booked yet: one hold, whose expiry is scheduled through the first segment.
    const events = await db.outboxEvent.findMany({ where: { appointmentId: { in: rows.map((row) => row.id) } } });
    expect(events.map((event) => [event.type, event.appointmentId])).toEqual([["appointment.payment-pending", rows[0]!.id]]);
    expect(await db.outboxEvent.count({ where: { type: "visit.booked", payload: { path: ["visitId"], equals: visit.id } } })).toBe(0);
  });

  it("gives one of 10 customers racing for the same visit the hold, and the other 9 SLOT_UNAVAILABLE", async () => {
    const customers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.user.create({ data: { name: `Racer ${i}`, email: `racer.${i}.${process.pid}@test.test`, emailVerified: new Date() } }),
      ),
    );
    const startsAt = at("2030-01-08T09:00");
    const results = await Promise.allSettled(
      customers.map((customer) => holdVisit(startsAt, customer.id, { kind: "user", userId: customer.id, role: "CUSTOMER" })),
    );
    const won = results.filter((result) => result.status === "fulfilled");
    expect(won).toHaveLength(1);
    const codes = results.flatMap((result) => (result.status === "rejected" ? [(result.reason as AppError).code] : []));
    expect(codes).toEqual(Array(9).fill("SLOT_UNAVAILABLE"));
    const held = await db.appointment.findMany({ where: { customerId: { in: customers.map((customer) => customer.id) } } });
    expect(held.map((row) => row.status)).toEqual(["PENDING_PAYMENT", "PENDING_PAYMENT"]);
  });

  it("counts once toward the customer's cap, like a booked visit", async () => {
    await db.salonSettings.update({ where: { id: 1 }, data: { maxFutureBookingsPerCustomer: 1 } });
    try {
      const capped = await db.user.create({
        data: { name: "Cap", email: `cap.visit.${process.pid}@test.test`, emailVerified: new Date() },
      });
      const actor: Actor = { kind: "user", userId: capped.id, role: "CUSTOMER" };
      await holdVisit(at("2030-01-09T09:00"), capped.id, actor);
      expect(((await errorOf(holdVisit(at("2030-01-10T09:00"), capped.id, actor))) as AppError).code).toBe("BOOKING_LIMIT_REACHED");
    } finally {
      await db.salonSettings.update({ where: { id: 1 }, data: { maxFutureBookingsPerCustomer: 100 } });
    }
  });
});

describe("the visit's one Checkout Session", () => {
  it("asks for the deposits added up, in the salon's currency, naming the visit, until the hold's end, with an idempotency key", async () => {
    const visit = await holdVisit(at("2030-01-14T09:00"));
    const [first, second] = visit.segments;
    const { url } = await openCheckout(f.actors.alice, first!.id);
    expect(url).toBe(`https://checkout.stripe.test/v/${sessions}`);
    expect(stripeApi.requests).toHaveLength(1);
    const [request] = stripeApi.requests;
    expect(request?.headers["idempotency-key"]).toBe(`checkout:${first!.id}:1`);
    const body = form(request!);
    expect(body.get("mode")).toBe("payment");
    expect(body.get("line_items[0][price_data][unit_amount]")).toBe("2500");
    expect(body.get("line_items[0][price_data][currency]")).toBe("gbp");
    expect(body.get("line_items[0][price_data][product_data][name]")).toBe("Deposit: cut + massage");
    expect(body.get("metadata[appointmentId]")).toBe(first!.id);
    expect(body.get("metadata[visitId]")).toBe(visit.id);
    const holdEnd = (await db.appointment.findUniqueOrThrow({ where: { id: first!.id } })).paymentHoldUntil!;
    expect(Number(body.get("expires_at"))).toBeGreaterThanOrEqual(Math.floor(holdEnd.getTime() / 1000));
    // The payment hangs on the first segment: paying from the second goes to the same page.
    expect((await openCheckout(f.actors.alice, second!.id)).url).toBe(url);
    expect(stripeApi.requests).toHaveLength(1);
    expect(await db.payment.findMany({ where: { appointmentId: { in: [first!.id, second!.id] } } })).toMatchObject([
      { appointmentId: first!.id, kind: "DEPOSIT", status: "PENDING", amountCents: 2500 },
    ]);
  });

  it("saves the card without charging when every service only requires one", async () => {
    await db.service.update({ where: { id: f.cut }, data: { depositCents: null, cardRequired: true } });
    await db.service.update({ where: { id: f.massage }, data: { depositCents: null } });
    try {
      const visit = await holdVisit(at("2030-01-14T14:00"));
      expect(visit.status).toBe("PENDING_PAYMENT");
      await openCheckout(f.actors.alice, visit.segments[0]!.id);
      const body = form(stripeApi.requests[0]!);
      expect(body.get("mode")).toBe("setup");
      expect(body.get("metadata[visitId]")).toBe(visit.id);
    } finally {
      await db.service.update({ where: { id: f.cut }, data: { depositCents: 1500, cardRequired: false } });
      await db.service.update({ where: { id: f.massage }, data: { depositCents: 1000 } });
    }
  });
});

describe("Stripe's events for a visit", () => {
  it("completed books every segment at once and sends one visit confirmation, however often it repeats", async () => {
    const visit = await holdVisit(at("2030-01-15T09:00"));
    const ids = visit.segments.map((segment) => segment.id);
    const session = await openedSession(visit);
    expect(await outcomeOf(await stripeWebhook(completed("evt_visit_done", visit, session)))).toBe("booked");
    expect(await outcomeOf(await stripeWebhook(completed("evt_visit_done", visit, session)))).toBe("duplicate");
    expect(await outcomeOf(await stripeWebhook(completed("evt_visit_done_again", visit, session)))).toBe("no-effect");
    const rows = await db.appointment.findMany({ where: { visitId: visit.id }, orderBy: { visitPosition: "asc" } });
    expect(rows.map((row) => [row.status, row.version, row.paymentHoldUntil, row.providerCustomerId])).toEqual([
      ["BOOKED", 2, null, "cus_visit_1"],
      ["BOOKED", 2, null, "cus_visit_1"],
    ]);
    expect(await db.payment.findMany({ where: { appointmentId: { in: ids } } })).toMatchObject([
      { appointmentId: ids[0], kind: "DEPOSIT", status: "SUCCEEDED", amountCents: 2500 },
    ]);
    await publishPendingOutbox();
    await publishPendingOutbox();
    const emails = await db.emailMessage.findMany({
      where: { appointmentId: { in: ids }, kind: { in: ["confirmation", "visit-confirmation"] } },
      select: { kind: true, appointmentId: true, text: true },
    });
    expect(emails.map((email) => [email.kind, email.appointmentId])).toEqual([["visit-confirmation", ids[0]]]);
    // The policy the customer agreed to, repeated with the visit's deposit.
    expect(emails[0]!.text).toContain("£25.00");
  });

  it("expired ends the hold of every segment and frees their time", async () => {
    const startsAt = at("2030-01-16T09:00");
    const visit = await holdVisit(startsAt);
    const expired = signed({
      id: "evt_visit_expired",
      type: "checkout.session.expired",
      object: { id: "cs_visit_expired", metadata: { appointmentId: visit.segments[0]!.id, visitId: visit.id } },
    });
    expect(await outcomeOf(await stripeWebhook(expired))).toBe("expired");
    expect(await statusesOf(visit.id)).toEqual(["EXPIRED", "EXPIRED"]);
    // The waitlist hears of each segment's time, and the same visit can be held again.
    expect(
      await db.outboxEvent.count({ where: { appointmentId: { in: visit.segments.map((s) => s.id) }, type: "appointment.expired" } }),
    ).toBe(2);
    expect((await holdVisit(startsAt, f.bob, f.actors.bob)).status).toBe("PENDING_PAYMENT");
  });

  it("the hold running out expires every segment, and a customer who went to pay gets one note for the visit", async () => {
    const visit = await holdVisit(at("2030-01-16T14:00"));
    const ids = visit.segments.map((segment) => segment.id);
    await openedSession(visit);
    expect(await expirePaymentHold(ids[0]!, new Date(NOW_2030.getTime() + 365 * DAY_MS))).toBe("expired");
    expect(await statusesOf(visit.id)).toEqual(["EXPIRED", "EXPIRED"]);
    await publishPendingOutbox();
    await publishPendingOutbox();
    const notes = await db.emailMessage.findMany({
      where: { appointmentId: { in: ids }, kind: "hold-expired" },
      select: { subject: true },
    });
    expect(notes).toHaveLength(1);
    expect(notes[0]!.subject).toContain("cut + massage");
  });

  it("completed after the hold ran out books the whole visit again when every segment's time is still free", async () => {
    const visit = await holdVisit(at("2030-01-17T09:00"));
    await expirePaymentHold(visit.segments[0]!.id, new Date(NOW_2030.getTime() + 365 * DAY_MS));
    expect(await outcomeOf(await stripeWebhook(completed("evt_visit_late_free", visit, "cs_visit_late_free")))).toBe("rebooked");
    expect(await statusesOf(visit.id)).toEqual(["BOOKED", "BOOKED"]);
  });

  it("completed after the hold ran out and one segment's time was taken refunds once and books nothing", async () => {
    const visit = await holdVisit(at("2030-01-17T14:00"));
    const [first, second] = visit.segments;
    await expirePaymentHold(first!.id, new Date(NOW_2030.getTime() + 365 * DAY_MS));
    // Someone else takes the second segment's time only.
    await bookAppointment(
      f.actors.staff,
      {
        customerId: f.bob,
        serviceId: f.massage,
        staffId: f.amy,
        startsAt: second!.startsAt,
        source: "DASHBOARD",
        payment: "waived",
        overrideAvailability: true,
      },
      { now: NOW_2030 },
    );
    expect(await outcomeOf(await stripeWebhook(completed("evt_visit_late_taken", visit, "cs_visit_late_taken")))).toBe("refund-requested");
    expect(await outcomeOf(await stripeWebhook(completed("evt_visit_late_taken", visit, "cs_visit_late_taken")))).toBe("duplicate");
    expect(await statusesOf(visit.id)).toEqual(["EXPIRED", "EXPIRED"]);
    await publishPendingOutbox();
    await publishPendingOutbox();
    expect(await db.payment.findMany({ where: { appointmentId: first!.id }, orderBy: { createdAt: "asc" } })).toMatchObject([
      { kind: "DEPOSIT", status: "SUCCEEDED", amountCents: 2500 },
      { kind: "REFUND", status: "SUCCEEDED", amountCents: 2500 },
    ]);
    const refunds = stripeApi.requests.filter((request) => request.path === "/v1/refunds");
    expect(refunds).toHaveLength(1);
    expect(Object.fromEntries(form(refunds[0]!))).toMatchObject({ payment_intent: "pi_for_cs_visit_late_taken", amount: "2500" });
  });
});

describe("the front desk and a held visit", () => {
  it("waiving the deposit books every segment, with one visit confirmation", async () => {
    const visit = await holdVisit(at("2030-01-21T09:00"));
    // From any segment's page: the whole visit is booked.
    // It names the visit, whose page the desk goes back to.
    expect(await waiveDeposit(f.actors.staff, visit.segments[1]!.id)).toMatchObject({ visitId: visit.id });
    expect(await statusesOf(visit.id)).toEqual(["BOOKED", "BOOKED"]);
    expect(await db.outboxEvent.count({ where: { type: "visit.booked", payload: { path: ["visitId"], equals: visit.id } } })).toBe(1);
    expect(((await errorOf(waiveDeposit(f.actors.staff, visit.segments[0]!.id))) as AppError).code).toBe("INVALID_TRANSITION");
  });

  it("a customer cannot waive it", async () => {
    const visit = await holdVisit(at("2030-01-21T14:00"));
    expect(((await errorOf(waiveDeposit(f.actors.alice, visit.segments[0]!.id))) as AppError).code).toBe("NOT_FOUND");
    expect(await statusesOf(visit.id)).toEqual(["PENDING_PAYMENT", "PENDING_PAYMENT"]);
  });
});

describe("cancelling a paid visit", () => {
  const moneyOf = async (visit: { segments: { id: string }[] }) =>
    (
      await db.payment.findMany({
        where: { appointmentId: { in: visit.segments.map((segment) => segment.id) } },
        orderBy: { createdAt: "asc" },
        select: { kind: true, status: true, amountCents: true },
      })
    ).map((payment) => `${payment.kind} ${payment.status} ${payment.amountCents}`);

  it("inside the policy's window refunds the visit's deposit, once", async () => {
    const visit = await paidVisit(at("2030-01-22T09:00"));
    await cancelVisit(f.actors.alice, { visitId: visit.id }, { now: new Date(visit.startsAt.getTime() - 3 * DAY_MS) });
    await publishPendingOutbox();
    await publishPendingOutbox();
    expect(await statusesOf(visit.id)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(await moneyOf(visit)).toEqual(["DEPOSIT SUCCEEDED 2500", "REFUND SUCCEEDED 2500"]);
    expect(stripeApi.requests.filter((request) => request.path === "/v1/refunds")).toHaveLength(1);
  });

  it("late keeps the deposit", async () => {
    const visit = await paidVisit(at("2030-01-23T09:00"));
    await cancelVisit(f.actors.alice, { visitId: visit.id }, { now: new Date(visit.startsAt.getTime() - DAY_MS) });
    await publishPendingOutbox();
    expect(await moneyOf(visit)).toEqual(["DEPOSIT SUCCEEDED 2500"]);
  });

  it("one segment cancelled on its own moves no money; the rest of the visit stays booked", async () => {
    const visit = await paidVisit(at("2030-01-24T09:00"));
    const [first] = visit.segments;
    await cancelAppointment(f.actors.staff, { appointmentId: first!.id, reason: "Customer skips the cut" }, { now: NOW_2030 });
    await publishPendingOutbox();
    expect(await statusesOf(visit.id)).toEqual(["CANCELLED", "BOOKED"]);
    expect(await moneyOf(visit)).toEqual(["DEPOSIT SUCCEEDED 2500"]);
  });

  it("a hold given up has no money to settle", async () => {
    const visit = await holdVisit(at("2030-01-24T14:00"));
    await cancelVisit(f.actors.alice, { visitId: visit.id }, { now: NOW_2030 });
    expect(await statusesOf(visit.id)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(await moneyOf(visit)).toEqual([]);
  });
});
