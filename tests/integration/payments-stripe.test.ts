import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as stripeWebhook } from "@/app/api/stripe/webhook/route";
import { db } from "@/lib/db";
import { bookAppointment, finishAppointment } from "@/lib/booking/mutations";
import { hashToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { publishPendingOutbox } from "@/lib/notifications/publisher";
import { chargeFee } from "@/lib/payments/charge-fee";
import { issueRefund } from "@/lib/payments/issue-refund";
import { openFeeCheckout } from "@/lib/payments/open-fee-checkout";
import { waiveHold } from "@/lib/payments/waive-deposit";
import { expirePaymentHold } from "@/lib/payments/mutations";
import { openCheckout } from "@/lib/payments/open-checkout";
import { resetPaymentSettings } from "@/lib/payments/settings";
import { stripeClientOf, stripeProvider } from "@/lib/payments/stripe-provider";
import { at, createBookingFixture, errorOf, NOW_2030, type BookingFixture } from "../support/booking-fixtures";
import { startHttpStub, type RecordedRequest, type StubReply } from "../support/http-stub";
import { useEmbeddedDelivery } from "../support/notifications-fixtures";

// These tests run the refund job themselves: the publisher running it after each webhook, in the
// background, would race them to the Stripe stub (two requests for one refund on a slow database).
vi.mock("@/lib/notifications/after-appointment-change", () => ({ afterAppointmentChange: vi.fn() }));

/**
 * The real Stripe SDK against a local stub (its host/port/protocol options), and the webhook handler fed
 * events signed by the SDK's own test signer: what we send Stripe, and what Stripe's events do to us.
 */

const WEBHOOK_SECRET = "whsec_test_secret_for_payments";
let reply: (request: RecordedRequest) => StubReply = () => ({ status: 500, body: {} });
const stripeApi = await startHttpStub((request) => reply(request));
let f: BookingFixture;
let sessions = 0;

const checkoutReply = (request: RecordedRequest): StubReply => {
  if (request.path === "/v1/checkout/sessions") {
    sessions++;
    return {
      status: 200,
      body: { id: `cs_test_${sessions}`, object: "checkout.session", url: `https://checkout.stripe.test/c/${sessions}` },
    };
  }
  if (request.path === "/v1/refunds") return { status: 200, body: { id: "re_test_1", object: "refund", status: "succeeded" } };
  return { status: 404, body: { error: { type: "invalid_request_error", message: "unknown" } } };
};

beforeAll(async () => {
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_payments",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE_URL: stripeApi.url,
  });
  resetPaymentSettings();
  useEmbeddedDelivery();
  f = await createBookingFixture();
  await db.service.update({ where: { id: f.cut }, data: { depositCents: 1500 } });
  await db.salonSettings.update({ where: { id: 1 }, data: { noShowFeeCents: 2500 } });
});

afterAll(async () => {
  for (const name of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE_URL"]) delete process.env[name];
  resetPaymentSettings();
  await stripeApi.close();
});

beforeEach(() => {
  stripeApi.requests.length = 0;
  reply = checkoutReply;
});

const form = (request: RecordedRequest) => new URLSearchParams(request.body);
// The hold is checked against the real clock when the checkout opens: book it with a near-future hold.
const hold = (startsAt: Date, customer: "alice" | "bob" = "alice") =>
  bookAppointment(
    f.actors[customer],
    { customerId: f[customer], serviceId: f.cut, staffId: f.amy, startsAt, source: "WEB" },
    { now: new Date(Math.max(Date.now(), NOW_2030.getTime())) },
  );

function signed(event: { id: string; type: string; object: Record<string, unknown> }, secret = WEBHOOK_SECRET): Request {
  const payload = JSON.stringify({
    id: event.id,
    object: "event",
    type: event.type,
    data: { object: event.object },
    api_version: "2026-11-18.endive",
  });
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return new Request("http://localhost/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": header }, body: payload });
}

const completed = (id: string, appointmentId: string, sessionId: string, extra: { paymentId?: string; amount?: number } = {}) =>
  signed({
    id,
    type: "checkout.session.completed",
    object: {
      id: sessionId,
      object: "checkout.session",
      metadata: { appointmentId, ...(extra.paymentId ? { paymentId: extra.paymentId } : { version: "1" }) },
      amount_total: extra.amount ?? 1500,
      currency: "gbp",
      payment_intent: `pi_for_${sessionId}`,
      customer: "cus_test_1",
    },
  });

const statusOf = async (id: string) => (await db.appointment.findUniqueOrThrow({ where: { id } })).status;

describe("the Checkout Session we ask Stripe for", () => {
  it("carries the deposit, the salon's currency, the appointment, the hold's end and an idempotency key", async () => {
    const held = await hold(at("2030-01-07T10:00"));
    const { url } = await openCheckout(f.actors.alice, held.id);
    expect(url).toBe(`https://checkout.stripe.test/c/${sessions}`);
    const [request] = stripeApi.requests;
    expect(request?.headers["idempotency-key"]).toBe(`checkout:${held.id}:1`);
    expect(request?.headers.authorization).toBe("Bearer sk_test_payments");
    const body = form(request!);
    expect(body.get("mode")).toBe("payment");
    expect(body.get("line_items[0][price_data][unit_amount]")).toBe("1500");
    expect(body.get("line_items[0][price_data][currency]")).toBe("gbp");
    expect(body.get("metadata[appointmentId]")).toBe(held.id);
    expect(body.get("metadata[version]")).toBe("1");
    // A no-show fee may be charged later: the card is kept for off-session use.
    expect(body.get("payment_intent_data[setup_future_usage]")).toBe("off_session");
    const holdEnd = (await db.appointment.findUniqueOrThrow({ where: { id: held.id } })).paymentHoldUntil!;
    expect(Number(body.get("expires_at"))).toBeGreaterThanOrEqual(Math.floor(holdEnd.getTime() / 1000));
  });

  it("is created once: opening the checkout again goes back to the same page", async () => {
    const held = await hold(at("2030-01-14T10:00"));
    const first = await openCheckout(f.actors.alice, held.id);
    const second = await openCheckout(f.actors.alice, held.id);
    expect(second.url).toBe(first.url);
    expect(stripeApi.requests).toHaveLength(1);
  });

  it("is not opened for someone else's hold", async () => {
    const held = await hold(at("2030-01-07T14:00"));
    expect(((await errorOf(openCheckout(f.actors.bob, held.id))) as AppError).code).toBe("NOT_FOUND");
  });

  it("answers PAYMENT_PROVIDER_UNAVAILABLE when Stripe fails with a 500, and records nothing", async () => {
    reply = () => ({ status: 500, body: { error: { type: "api_error", message: "Stripe is down" } } });
    const held = await hold(at("2030-01-08T10:00"));
    expect(((await errorOf(openCheckout(f.actors.alice, held.id))) as AppError).code).toBe("PAYMENT_PROVIDER_UNAVAILABLE");
    expect(await db.payment.count({ where: { appointmentId: held.id } })).toBe(0);
  });
});

describe("refunds and off-session charges through the SDK", () => {
  const provider = () => stripeProvider(stripeClientOf("sk_test_payments", stripeApi.url));

  it("sends a refund of the payment intent and amount with its idempotency key", async () => {
    await provider().refund({ paymentIntentId: "pi_123", amountCents: 1500, appointmentId: "appt_1", idempotencyKey: "refund:r1" });
    const [request] = stripeApi.requests;
    expect(request?.path).toBe("/v1/refunds");
    expect(request?.headers["idempotency-key"]).toBe("refund:r1");
    expect(Object.fromEntries(form(request!))).toMatchObject({ payment_intent: "pi_123", amount: "1500" });
  });

  it("charges the saved card off-session, and reports a card declined (402) as a failed charge", async () => {
    reply = (request) =>
      request.path === "/v1/payment_intents"
        ? { status: 200, body: { id: "pi_fee_1", object: "payment_intent", status: "succeeded", payment_method: "pm_1" } }
        : { status: 404, body: {} };
    const request = {
      providerCustomerId: "cus_1",
      paymentIntentOfCard: null,
      paymentMethodId: "pm_1",
      amountCents: 2500,
      currency: "GBP",
      description: "No-show fee",
      appointmentId: "appt_1",
      idempotencyKey: "fee:1",
    };
    expect(await provider().chargeSavedCard(request)).toMatchObject({ status: "SUCCEEDED", paymentIntentId: "pi_fee_1" });
    expect(Object.fromEntries(form(stripeApi.requests[0]!))).toMatchObject({
      amount: "2500",
      currency: "gbp",
      customer: "cus_1",
      payment_method: "pm_1",
      off_session: "true",
      confirm: "true",
    });
    expect(stripeApi.requests[0]?.headers["idempotency-key"]).toBe("fee:1");

    reply = () => ({
      status: 402,
      body: {
        error: { type: "card_error", code: "card_declined", message: "Your card was declined.", payment_intent: { id: "pi_fee_2" } },
      },
    });
    expect(await provider().chargeSavedCard({ ...request, idempotencyKey: "fee:2" })).toMatchObject({
      status: "FAILED",
      paymentIntentId: "pi_fee_2",
      message: "Your card was declined.",
    });

    reply = () => ({
      status: 402,
      body: {
        error: {
          type: "card_error",
          code: "authentication_required",
          message: "Authentication required.",
          payment_intent: { id: "pi_fee_3" },
        },
      },
    });
    expect(await provider().chargeSavedCard({ ...request, idempotencyKey: "fee:3" })).toMatchObject({ status: "REQUIRES_ACTION" });
  });
});

describe("POST /api/stripe/webhook", () => {
  it("refuses a bad signature with 400 and changes nothing", async () => {
    const held = await hold(at("2030-01-09T10:00"));
    const response = await stripeWebhook(
      signed(
        { id: "evt_bad", type: "checkout.session.completed", object: { id: "cs_x", metadata: { appointmentId: held.id } } },
        "whsec_someone_else",
      ),
    );
    expect(response.status).toBe(400);
    expect(await statusOf(held.id)).toBe("PENDING_PAYMENT");
    expect(await db.stripeEvent.count({ where: { id: "evt_bad" } })).toBe(0);
  });

  it("books the hold once however often Stripe repeats the completed event", async () => {
    const held = await hold(at("2030-01-15T10:00"));
    const first = await stripeWebhook(completed("evt_done_1", held.id, "cs_done_1"));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ outcome: "booked" });
    const again = await stripeWebhook(completed("evt_done_1", held.id, "cs_done_1"));
    expect(await again.json()).toMatchObject({ outcome: "duplicate" });
    const row = await db.appointment.findUniqueOrThrow({ where: { id: held.id } });
    expect(row).toMatchObject({
      status: "BOOKED",
      version: 2,
      scheduleVersion: 2,
      paymentHoldUntil: null,
      providerCustomerId: "cus_test_1",
    });
    const payments = await db.payment.findMany({ where: { appointmentId: held.id } });
    expect(payments).toMatchObject([{ kind: "DEPOSIT", status: "SUCCEEDED", amountCents: 1500, paymentIntentId: "pi_for_cs_done_1" }]);
    // The confirmation (and the stylist's notice, partners' webhooks) follow the booking, once.
    expect(await db.outboxEvent.count({ where: { appointmentId: held.id, type: "appointment.created" } })).toBe(1);
  });

  it("ignores an expired event that arrives after the completed one", async () => {
    const held = await hold(at("2030-01-09T14:00"));
    await stripeWebhook(completed("evt_order_1", held.id, "cs_order_1"));
    const late = await stripeWebhook(
      signed({ id: "evt_order_2", type: "checkout.session.expired", object: { id: "cs_order_1", metadata: { appointmentId: held.id } } }),
    );
    expect(await late.json()).toMatchObject({ outcome: "no-effect" });
    expect(await statusOf(held.id)).toBe("BOOKED");
  });

  it("expires the hold on checkout.session.expired", async () => {
    const held = await hold(at("2030-01-10T10:00"));
    await stripeWebhook(
      signed({ id: "evt_exp_1", type: "checkout.session.expired", object: { id: "cs_exp_1", metadata: { appointmentId: held.id } } }),
    );
    expect(await statusOf(held.id)).toBe("EXPIRED");
  });

  it("books a payment that arrives after the hold ran out when the slot is still free", async () => {
    const held = await hold(at("2030-01-10T11:00"));
    await expirePaymentHold(held.id, new Date(NOW_2030.getTime() + 86_400_000 * 365));
    const response = await stripeWebhook(completed("evt_late_free", held.id, "cs_late_free"));
    expect(await response.json()).toMatchObject({ outcome: "rebooked" });
    expect(await statusOf(held.id)).toBe("BOOKED");
  });

  it("refunds, once, a payment that arrives after the hold ran out and the slot was taken", async () => {
    const startsAt = at("2030-01-10T14:00");
    const held = await hold(startsAt);
    await expirePaymentHold(held.id, new Date(NOW_2030.getTime() + 86_400_000 * 365));
    await bookAppointment(
      f.actors.staff,
      { customerId: f.bob, serviceId: f.cut, staffId: f.amy, startsAt, source: "DASHBOARD", payment: "waived" },
      { now: NOW_2030 },
    );
    expect(await (await stripeWebhook(completed("evt_late_taken", held.id, "cs_late_taken"))).json()).toMatchObject({
      outcome: "refund-requested",
    });
    await stripeWebhook(completed("evt_late_taken", held.id, "cs_late_taken"));
    expect(await statusOf(held.id)).toBe("EXPIRED");
    const refunds = await db.payment.findMany({ where: { appointmentId: held.id, kind: "REFUND" } });
    expect(refunds).toHaveLength(1);
    expect(await db.outboxEvent.count({ where: { appointmentId: held.id, type: "payment.refund-requested" } })).toBe(1);

    // The refund job, run twice (a retry), reaches Stripe once with the refund row as idempotency key.
    expect(await issueRefund(refunds[0]!.id)).toMatchObject({ status: "refunded", refundId: "re_test_1" });
    expect(await issueRefund(refunds[0]!.id)).toMatchObject({ status: "already-done" });
    const refundCalls = stripeApi.requests.filter((request) => request.path === "/v1/refunds");
    expect(refundCalls).toHaveLength(1);
    expect(refundCalls[0]?.headers["idempotency-key"]).toBe(`refund:${refunds[0]!.id}`);
    expect(form(refundCalls[0]!).get("payment_intent")).toBe("pi_for_cs_late_taken");
    expect(await db.payment.findUniqueOrThrow({ where: { id: refunds[0]!.id } })).toMatchObject({
      status: "SUCCEEDED",
      refundId: "re_test_1",
    });

    // The customer is told once, after Stripe confirmed the refund, why the money went back.
    await publishPendingOutbox();
    await publishPendingOutbox();
    const told = await db.emailMessage.findMany({ where: { appointmentId: held.id, kind: "payment.refunded" } });
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ status: "SENT", subject: expect.stringMatching(/^Refunded: £15\.00 from /) });
    const delivered = await db.mailboxMessage.findFirstOrThrow({ where: { emailId: told[0]!.id } });
    expect(delivered.text).toContain("we have refunded £15.00 to your card");
    expect(delivered.text).toContain("booked by someone else, so nothing is booked");
  });

  it("tells the customer nothing of a refund Stripe refused", async () => {
    const startsAt = at("2030-01-11T14:00");
    const held = await hold(startsAt);
    await expirePaymentHold(held.id, new Date(NOW_2030.getTime() + 86_400_000 * 365));
    await bookAppointment(
      f.actors.staff,
      { customerId: f.bob, serviceId: f.cut, staffId: f.amy, startsAt, source: "DASHBOARD", payment: "waived" },
      { now: NOW_2030 },
    );
    await stripeWebhook(completed("evt_late_refused", held.id, "cs_late_refused"));
    reply = () => ({ status: 400, body: { error: { type: "invalid_request_error", message: "Charge already refunded" } } });
    const refund = await db.payment.findFirstOrThrow({ where: { appointmentId: held.id, kind: "REFUND" } });
    expect(await issueRefund(refund.id)).toMatchObject({ status: "skipped" });
    await publishPendingOutbox();
    expect(await db.emailMessage.count({ where: { appointmentId: held.id, kind: "payment.refunded" } })).toBe(0);
  });
});

describe("a fee the bank asked the customer to authenticate", () => {
  async function waitingFee(startsAt: Date, intentId: string) {
    const appointment = await hold(startsAt);
    await db.payment.create({
      data: {
        appointmentId: appointment.id,
        kind: "NO_SHOW_FEE",
        status: "REQUIRES_ACTION",
        amountCents: 2500,
        currency: "GBP",
        paymentIntentId: intentId,
        triggeredByKind: "STAFF",
      },
    });
    return appointment.id;
  }
  const intentEvent = (id: string, type: string, object: Record<string, unknown>) =>
    stripeWebhook(signed({ id, type, object: { object: "payment_intent", ...object } }));
  const feeOf = (appointmentId: string) =>
    db.payment.findFirstOrThrow({ where: { appointmentId, kind: "NO_SHOW_FEE" }, select: { status: true, failureMessage: true } });
  const announced = (appointmentId: string, type: string) => db.outboxEvent.count({ where: { appointmentId, type } });

  it("is taken once when the customer authenticates, however often the event repeats", async () => {
    const appointmentId = await waitingFee(at("2030-02-11T10:00"), "pi_auth_ok");
    for (const id of ["evt_auth_ok", "evt_auth_ok", "evt_auth_ok_again"]) {
      expect((await intentEvent(id, "payment_intent.succeeded", { id: "pi_auth_ok" })).status).toBe(200);
    }
    expect(await feeOf(appointmentId)).toEqual({ status: "SUCCEEDED", failureMessage: null });
    expect(await announced(appointmentId, "payment.succeeded")).toBe(1);
  });

  it("asks the customer once when Stripe reports the fee as requiring action, however often it repeats", async () => {
    const appointmentId = await waitingFee(at("2030-02-13T10:00"), "pi_auth_wait");
    for (const id of ["evt_auth_wait", "evt_auth_wait", "evt_auth_wait_again"]) {
      expect((await intentEvent(id, "payment_intent.requires_action", { id: "pi_auth_wait", status: "requires_action" })).status).toBe(200);
    }
    expect(await feeOf(appointmentId)).toEqual({ status: "REQUIRES_ACTION", failureMessage: null });
    expect(await announced(appointmentId, "payment.authentication-required")).toBe(1);
  });

  it("is recorded as failed, with the bank's reason, when the authentication fails", async () => {
    const appointmentId = await waitingFee(at("2030-02-12T10:00"), "pi_auth_bad");
    const response = await intentEvent("evt_auth_bad", "payment_intent.payment_failed", {
      id: "pi_auth_bad",
      last_payment_error: { message: "The customer did not complete authentication." },
    });
    expect(await response.json()).toMatchObject({ outcome: "fee-failed" });
    expect(await feeOf(appointmentId)).toEqual({ status: "FAILED", failureMessage: "The customer did not complete authentication." });
    expect(await announced(appointmentId, "payment.failed")).toBe(1);
  });
});

describe("a no-show fee the bank wants the customer to authenticate", () => {
  /** A deposit paid through Stripe (card saved), then marked a no-show: ready for its fee. */
  async function noShowWithSavedCard(startsAt: Date, sessionId: string) {
    const held = await hold(startsAt);
    await stripeWebhook(completed(`evt_${sessionId}`, held.id, sessionId));
    await finishAppointment(f.actors.staff, { appointmentId: held.id, status: "NO_SHOW" }, { now: new Date(startsAt.getTime() + 60_000) });
    return held.id;
  }
  const authenticationRequired = (request: RecordedRequest): StubReply => {
    if (request.method === "GET" && request.path.startsWith("/v1/payment_intents/")) {
      return { status: 200, body: { id: request.path.split("/").at(-1), object: "payment_intent", payment_method: "pm_saved" } };
    }
    if (request.path === "/v1/payment_intents") {
      return {
        status: 402,
        body: {
          error: {
            type: "card_error",
            code: "authentication_required",
            message: "This payment requires authentication.",
            payment_intent: { id: "pi_fee_needs_auth", object: "payment_intent", status: "requires_payment_method" },
          },
        },
      };
    }
    return checkoutReply(request);
  };
  const feeOf = (appointmentId: string) => db.payment.findFirstOrThrow({ where: { appointmentId, kind: "NO_SHOW_FEE" } });
  const linkEmailsOf = (appointmentId: string) => db.emailMessage.findMany({ where: { appointmentId, kind: "payment.fee-link" } });
  const authFailed = (id: string, intentId: string) =>
    signed({
      id,
      type: "payment_intent.payment_failed",
      object: {
        id: intentId,
        object: "payment_intent",
        status: "requires_payment_method",
        last_payment_error: { code: "authentication_required", message: "This payment requires authentication." },
      },
    });

  /** The link as the customer's inbox received it (the local mailbox is the transport here). */
  async function emailedToken(appointmentId: string): Promise<string> {
    const [logged] = await linkEmailsOf(appointmentId);
    const delivered = await db.mailboxMessage.findFirstOrThrow({ where: { emailId: logged!.id } });
    const token = /\/pay\/fee\?token=([A-Za-z0-9_-]+)/.exec(delivered.text)?.[1];
    expect(token).toBeDefined();
    return token!;
  }

  it("emails the customer one payment link, however often the front desk clicks or Stripe repeats the event", async () => {
    reply = authenticationRequired;
    const appointmentId = await noShowWithSavedCard(at("2030-02-18T10:00"), "cs_fee_1");
    expect(await chargeFee(f.actors.staff, appointmentId, "NO_SHOW_FEE")).toBe("REQUIRES_ACTION");
    expect(((await errorOf(chargeFee(f.actors.staff, appointmentId, "NO_SHOW_FEE"))) as AppError).code).toBe("CONFLICT");
    // Stripe also reports the off-session attempt as failed for authentication: the fee keeps waiting.
    for (const id of ["evt_fee_auth_1", "evt_fee_auth_1", "evt_fee_auth_2"]) {
      expect((await stripeWebhook(authFailed(id, "pi_fee_needs_auth"))).status).toBe(200);
    }
    expect(await feeOf(appointmentId)).toMatchObject({ status: "REQUIRES_ACTION", paymentIntentId: "pi_fee_needs_auth" });

    await publishPendingOutbox();
    await publishPendingOutbox();
    const emails = await linkEmailsOf(appointmentId);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      status: "SENT",
      to: expect.stringContaining("@"),
      subject: "Please confirm the no-show fee of £25.00",
    });
    expect(await db.mailboxMessage.count({ where: { emailId: emails[0]!.id } })).toBe(1);
  });

  it("keeps the link's token out of the database and the email log: only its hash is stored", async () => {
    reply = authenticationRequired;
    const appointmentId = await noShowWithSavedCard(at("2030-02-19T10:00"), "cs_fee_2");
    await chargeFee(f.actors.staff, appointmentId, "NO_SHOW_FEE");
    await publishPendingOutbox();
    const token = await emailedToken(appointmentId);
    const fee = await feeOf(appointmentId);
    expect(fee.payLinkTokenHash).toBe(hashToken(token));
    const [logged] = await linkEmailsOf(appointmentId);
    expect(`${logged!.html}${logged!.text}`).not.toContain(token);
    expect(logged!.text).toContain("[link removed]");
    expect(JSON.stringify(fee)).not.toContain(token);
  });

  it("leads to a Stripe payment page for the fee, and paying there settles it once", async () => {
    reply = authenticationRequired;
    const appointmentId = await noShowWithSavedCard(at("2030-02-20T10:00"), "cs_fee_3");
    await chargeFee(f.actors.staff, appointmentId, "NO_SHOW_FEE");
    await publishPendingOutbox();
    const token = await emailedToken(appointmentId);
    const fee = await feeOf(appointmentId);

    stripeApi.requests.length = 0;
    const { url } = await openFeeCheckout(token);
    expect(url).toBe(`https://checkout.stripe.test/c/${sessions}`);
    expect((await openFeeCheckout(token)).url).toBe(url);
    expect(stripeApi.requests).toHaveLength(1);
    const [request] = stripeApi.requests;
    const body = form(request!);
    expect(body.get("mode")).toBe("payment");
    expect(body.get("customer")).toBe("cus_test_1");
    expect(body.get("line_items[0][price_data][unit_amount]")).toBe("2500");
    expect(body.get("line_items[0][price_data][currency]")).toBe("gbp");
    expect(body.get("metadata[paymentId]")).toBe(fee.id);
    expect(body.get("metadata[appointmentId]")).toBe(appointmentId);
    expect(body.get("success_url")).not.toContain(token);
    expect(request?.headers["idempotency-key"]).toMatch(new RegExp(`^fee-checkout:${fee.id}:`));

    const sessionId = `cs_test_${sessions}`;
    const paid = completed("evt_fee_paid", appointmentId, sessionId, { paymentId: fee.id, amount: 2500 });
    expect(await (await stripeWebhook(paid)).json()).toMatchObject({ outcome: "fee-succeeded" });
    expect(
      await (await stripeWebhook(completed("evt_fee_paid", appointmentId, sessionId, { paymentId: fee.id, amount: 2500 }))).json(),
    ).toMatchObject({
      outcome: "duplicate",
    });
    const intentSucceeded = signed({ id: "evt_fee_pi_ok", type: "payment_intent.succeeded", object: { id: `pi_for_${sessionId}` } });
    expect(await (await stripeWebhook(intentSucceeded)).json()).toMatchObject({ outcome: "no-effect" });

    const fees = await db.payment.findMany({ where: { appointmentId, kind: "NO_SHOW_FEE" } });
    expect(fees).toMatchObject([
      { status: "SUCCEEDED", amountCents: 2500, paymentIntentId: `pi_for_${sessionId}`, payLinkTokenHash: null },
    ]);
    expect(await db.outboxEvent.count({ where: { appointmentId, type: "payment.succeeded" } })).toBe(2);
    expect(await db.payment.count({ where: { appointmentId, kind: "REFUND" } })).toBe(0);
    // The link is spent once the fee is paid.
    expect(((await errorOf(openFeeCheckout(token))) as AppError).code).toBe("NOT_FOUND");
  });
});

describe("waiving a hold's deposit", () => {
  it("expires its open Checkout Session, and refunds once a payment the customer still made on it", async () => {
    const held = await hold(at("2030-02-25T10:00"));
    await openCheckout(f.actors.alice, held.id);
    const sessionId = `cs_test_${sessions}`;
    reply = (request) =>
      request.path === `/v1/checkout/sessions/${sessionId}/expire`
        ? { status: 200, body: { id: sessionId, object: "checkout.session", status: "expired" } }
        : checkoutReply(request);
    stripeApi.requests.length = 0;
    await waiveHold(f.actors.staff, held.id);
    expect(await statusOf(held.id)).toBe("BOOKED");
    const expireCalls = stripeApi.requests.filter((request) => request.path === `/v1/checkout/sessions/${sessionId}/expire`);
    expect(expireCalls).toHaveLength(1);
    expect(expireCalls[0]?.headers["idempotency-key"]).toBe(`expire:${sessionId}`);

    // Completed on Stripe's side before the expiry reached it: the money is not owed and goes back, once.
    expect(await (await stripeWebhook(completed("evt_waived_paid", held.id, sessionId))).json()).toMatchObject({
      outcome: "refund-requested",
    });
    await stripeWebhook(completed("evt_waived_paid", held.id, sessionId));
    expect(await statusOf(held.id)).toBe("BOOKED");
    expect(await db.payment.count({ where: { appointmentId: held.id, kind: "REFUND" } })).toBe(1);
  });

  it("still books the hold when Stripe fails to expire the session", async () => {
    const held = await hold(at("2030-02-26T10:00"));
    await openCheckout(f.actors.alice, held.id);
    reply = (request) =>
      request.path.endsWith("/expire") ? { status: 500, body: { error: { type: "api_error", message: "down" } } } : checkoutReply(request);
    await waiveHold(f.actors.staff, held.id);
    expect(await statusOf(held.id)).toBe("BOOKED");
    expect(await db.payment.findFirstOrThrow({ where: { appointmentId: held.id, kind: "DEPOSIT" } })).toMatchObject({ status: "FAILED" });
  });

  it("treats a session Stripe already closed as expired", async () => {
    const held = await hold(at("2030-02-27T10:00"));
    await openCheckout(f.actors.alice, held.id);
    reply = (request) =>
      request.path.endsWith("/expire")
        ? { status: 400, body: { error: { type: "invalid_request_error", message: "This Checkout Session is not open." } } }
        : checkoutReply(request);
    await expect(waiveHold(f.actors.staff, held.id)).resolves.toEqual({ visitId: null });
    expect(await statusOf(held.id)).toBe("BOOKED");
  });
});
