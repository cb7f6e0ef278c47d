import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as appointmentItem from "@/app/api/v1/appointments/[id]/route";
import * as appointments from "@/app/api/v1/appointments/route";
import { db } from "@/lib/db";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";
import { openCheckout } from "@/lib/payments/open-checkout";
import { resetPaymentSettings } from "@/lib/payments/settings";
import { postTestCheckoutEvent } from "@/lib/payments/test-checkout";
import { sendDueWebhookDeliveries } from "@/lib/webhooks/send-deliveries";
import { call } from "@/tests/support/api-client";
import { at, createKey, createUser } from "@/tests/support/api-fixtures";
import { startHttpStub } from "@/tests/support/http-stub";
import { eventually, subscribe, verifyWith, webhookSalonBeforeAll } from "@/tests/support/webhook-fixtures";

/**
 * payment.succeeded and payment.refunded end to end: a deposit paid on the test checkout (the real
 * provider-event handler), a cancellation in time that refunds it, the outbox, the in-process sender and a
 * receiver that verifies every request; each money event arrives once, with the row GET shows.
 */

type Auth = Record<string, string>;
let admin: Auth, customerKey: Auth, customerId: string;
const salon = webhookSalonBeforeAll();
const receiver = await startHttpStub(() => ({ status: 200, body: { ok: true } }));

beforeAll(async () => {
  for (const name of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE_URL"]) delete process.env[name];
  resetPaymentSettings();
  admin = (await createKey((await createUser("ADMIN")).id)).auth;
  customerId = (await createUser("CUSTOMER")).id;
  customerKey = (await createKey(customerId)).auth;
  await db.service.update({ where: { id: salon.serviceId }, data: { depositCents: 1200 } });
  await db.salonSettings.update({ where: { id: 1 }, data: { lateCancelWindowMinutes: 24 * 60, cancelCutoffMinutes: 0 } });
});

afterAll(() => receiver.close());

async function paymentItems(id: string) {
  const read = await call(appointmentItem.GET, "GET", `/appointments/${id}`, { headers: customerKey, params: { id } });
  return (read.body as { payment: { items: Array<Record<string, unknown>> } }).payment.items;
}

describe("payment webhooks", () => {
  it("announce a paid deposit and its refund once each, with the payment as GET lists it", async () => {
    const hook = await subscribe(admin, `${receiver.url}/payments`, ["payment.succeeded", "payment.refunded"]);
    const held = await call(appointments.POST, "POST", "/appointments", {
      headers: customerKey,
      body: { serviceId: salon.serviceId, staffId: salon.stylistId, startsAt: at(20, 10) },
    });
    expect(held.status).toBe(201);
    const id = String(held.body.id);
    await openCheckout({ kind: "user", userId: customerId, role: "CUSTOMER" }, id);
    expect(await postTestCheckoutEvent(id, "pay")).toBe("booked");
    // The provider repeating itself with a new event about the same session takes no new money.
    expect(await postTestCheckoutEvent(id, "pay")).toBe("no-effect");
    await publishOutboxAfterResponse();

    const current = await call(appointmentItem.GET, "GET", `/appointments/${id}`, { headers: customerKey, params: { id } });
    const cancelled = await call(appointmentItem.DELETE, "DELETE", `/appointments/${id}`, {
      headers: { ...customerKey, "if-match": String(current.headers.get("etag")) },
      params: { id },
    });
    expect(cancelled.status).toBe(200);
    await publishOutboxAfterResponse();

    await eventually(() => receiver.requests.filter((request) => request.path === "/payments").length >= 2, 15_000);
    await publishOutboxAfterResponse();
    await sendDueWebhookDeliveries();
    const bodies = receiver.requests.filter((request) => request.path === "/payments").map((request) => verifyWith(hook.secret, request));
    expect(bodies.map((body) => [body.type, body.data.kind, body.data.status, body.data.amountCents])).toEqual([
      ["payment.succeeded", "DEPOSIT", "SUCCEEDED", 1200],
      ["payment.refunded", "REFUND", "SUCCEEDED", 1200],
    ]);
    const items = await paymentItems(id);
    for (const body of bodies) {
      const { appointmentId, ...row } = body.data;
      expect(appointmentId).toBe(id);
      expect(items).toContainEqual(row);
    }
  });
});
