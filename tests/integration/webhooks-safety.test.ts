import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as endpoints from "@/app/api/v1/webhooks/route";
import * as endpointItem from "@/app/api/v1/webhooks/[id]/route";
import { db } from "@/lib/db";
import { publishPendingOutbox } from "@/lib/notifications/publisher";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";
import { disableEndpointIfFailing } from "@/lib/webhooks/disable-failing-endpoint";
import { createDeliveriesForOutboxEvent } from "@/lib/webhooks/mutations";
import { sendDueWebhookDeliveries } from "@/lib/webhooks/send-deliveries";
import { call } from "@/tests/support/api-client";
import { createKey, createUser } from "@/tests/support/api-fixtures";
import { createBookingFixture, type BookingFixture } from "@/tests/support/booking-fixtures";
import { startHttpStub } from "@/tests/support/http-stub";
import { bookWithOutbox, nextStart, seedSalon, type SalonFixture, useEmbeddedDelivery } from "@/tests/support/notifications-fixtures";
import { form, session, signedInAs } from "@/tests/support/session-mock";
import { eventually, subscribe, useWebhookSettings, verifyWith } from "@/tests/support/webhook-fixtures";

/**
 * What keeps webhooks safe and complete: the SSRF guard at the API, exactly-once delivery after a crash
 * between commit and send, the customer's own booking door, and switching off an endpoint that keeps failing.
 */

vi.mock("next/navigation", async () => (await import("../support/next-navigation")).navigationMock);
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionMock);
const { confirmBookingAction } = await import("@/lib/customer-portal/actions");

type Auth = Record<string, string>;
let admin: Auth;
let adminEmail: string;
let salon: SalonFixture;
let booking: BookingFixture;
const receiver = await startHttpStub(() => ({ status: 200, body: "ok" }));

beforeAll(async () => {
  useEmbeddedDelivery();
  useWebhookSettings();
  booking = await createBookingFixture({ bookingHorizonDays: 3650 });
  salon = await seedSalon();
  const owner = await createUser("ADMIN");
  adminEmail = owner.email;
  admin = (await createKey(owner.id)).auth;
});

afterAll(() => receiver.close());

const create = (url: string) =>
  call(endpoints.POST, "POST", "/webhooks", { headers: admin, body: { url, events: ["appointment.created"] } });

describe("SSRF guard", () => {
  it("refuses loopback, metadata, IPv6 loopback and names resolving inside with a clear 422, unless the development flag is set", async () => {
    useWebhookSettings({ allowPrivateNetworks: false });
    for (const [url, message] of [
      ["http://127.0.0.1/hook", "The URL must use https."],
      ["https://127.0.0.1/hook", "127.0.0.1, a private, loopback, link-local or metadata address"],
      ["https://169.254.169.254/latest/meta-data", "169.254.169.254, a private"],
      ["https://[::1]/hook", "::1, a private"],
      ["https://localhost/hook", "The URL's host localhost resolves to"],
    ] as const) {
      const response = await create(url);
      expect(response.status, url).toBe(422);
      expect(response.body.errors).toEqual([{ path: "url", message: expect.stringContaining(message) }]);
    }
    // An existing endpoint's URL is checked again when it changes.
    useWebhookSettings();
    const allowed = await create("http://127.0.0.1:9/hook");
    expect(allowed.status).toBe(201);
    useWebhookSettings({ allowPrivateNetworks: false });
    const moved = await call(endpointItem.PATCH, "PATCH", `/webhooks/${allowed.body.id}`, {
      headers: admin,
      params: { id: allowed.body.id },
      body: { url: "https://10.0.0.1/hook" },
    });
    expect(moved.status).toBe(422);
    useWebhookSettings();
    await db.webhookEndpoint.delete({ where: { id: allowed.body.id } });
  });

  it("checks again at delivery time: an endpoint saved under the flag is refused once the flag is off", async () => {
    const hook = await subscribe(admin, `${receiver.url}/later`, ["appointment.created"]);
    useWebhookSettings({ allowPrivateNetworks: false, schedule: "0" });
    const appointment = await bookWithOutbox(salon, { startsAt: nextStart(Date.parse("2032-01-05T09:00:00Z")) });
    await publishPendingOutbox();
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: hook.id, orderingKey: appointment.id } });
    expect(delivery).toMatchObject({ status: "FAILED", lastError: expect.stringContaining("refused: The URL must use https.") });
    expect(receiver.requests.filter((request) => request.path === "/later")).toHaveLength(0);
    useWebhookSettings();
    await db.webhookEndpoint.delete({ where: { id: hook.id } });
  });
});

describe("fault injection", () => {
  it(
    "a process that dies after commit and before delivery (100 trials): each event is delivered once after the relay",
    { timeout: 180_000 },
    async () => {
      const hook = await subscribe(admin, `${receiver.url}/crash`, ["appointment.created"]);
      const ids: string[] = [];
      for (let trial = 0; trial < 100; trial++) {
        // Commit the appointment and its outbox row… then "die": nothing published, nothing sent.
        const appointment = await bookWithOutbox(salon, { startsAt: nextStart(Date.parse("2032-03-01T09:00:00Z")) });
        ids.push(appointment.id);
        // Every tenth trial dies later: its deliveries were written, but never sent.
        if (trial % 10 === 9) {
          const row = await db.outboxEvent.findFirstOrThrow({ where: { appointmentId: appointment.id } });
          await createDeliveriesForOutboxEvent(row.id);
        }
      }
      await publishPendingOutbox({ batchSize: 25 });
      await sendDueWebhookDeliveries();
      const received = receiver.requests.filter((request) => request.path === "/crash").map((request) => verifyWith(hook.secret, request));
      expect(received.map((body) => body.data.id).sort()).toEqual([...ids].sort());
      // The next relay pass finds nothing left to send.
      await publishPendingOutbox();
      expect(receiver.requests.filter((request) => request.path === "/crash")).toHaveLength(100);
      await db.webhookEndpoint.delete({ where: { id: hook.id } });
    },
  );
});

describe("the customer's booking door", () => {
  it("a booking through the customer action reaches a subscribed endpoint once, signed", async () => {
    const hook = await subscribe(admin, `${receiver.url}/customer`, ["appointment.created"]);
    session.user = signedInAs(booking.alice, "CUSTOMER");
    const start = "2030-01-08T10:00:00.000Z";
    await confirmBookingAction(
      { status: "idle" },
      form({ service: booking.cut, staff: booking.amy, date: "2030-01-08", start, note: "" }),
    ).catch(
      () => undefined, // success redirects (thrown by the navigation stand-in)
    );
    await publishOutboxAfterResponse();
    await eventually(() => receiver.requests.some((request) => request.path === "/customer"));
    const bodies = receiver.requests.filter((request) => request.path === "/customer").map((request) => verifyWith(hook.secret, request));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({
      type: "appointment.created",
      data: { customerId: booking.alice, startsAt: start, status: "BOOKED" },
    });
    await db.webhookEndpoint.delete({ where: { id: hook.id } });
  });
});

describe("auto-disable", () => {
  it("disables an endpoint whose last three events failed every attempt over three days, and emails the admins once", async () => {
    const hook = await subscribe(admin, `${receiver.url}/broken`, ["appointment.created"]);
    const failed = (daysAgo: number) => ({
      endpointId: hook.id,
      messageId: `msg_${hook.id}_${daysAgo}`,
      eventType: "appointment.created",
      eventAt: new Date(Date.now() - daysAgo * 86_400_000),
      createdAt: new Date(Date.now() - daysAgo * 86_400_000),
      finishedAt: new Date(Date.now() - daysAgo * 86_400_000 + 31 * 3_600_000),
      payload: {},
      status: "FAILED" as const,
    });
    await db.webhookDelivery.createMany({ data: [failed(2), failed(1)] });
    expect(await disableEndpointIfFailing(hook.id)).toBe(false); // two failed events are not enough
    await db.webhookDelivery.createMany({ data: [failed(1.5)] });
    expect(await disableEndpointIfFailing(hook.id)).toBe(false); // three, but all within three days
    await db.webhookDelivery.updateMany({
      where: { messageId: `msg_${hook.id}_2` },
      data: { createdAt: new Date(Date.now() - 3.5 * 86_400_000) },
    });
    expect(await disableEndpointIfFailing(hook.id)).toBe(true);
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({
      enabled: false,
      disabledReason: "the last 3 events failed every attempt over 3 days",
    });
    expect(await db.emailMessage.count({ where: { kind: "webhook-disabled", to: adminEmail } })).toBe(1);
    // Already disabled: nothing more happens, and no second email.
    expect(await disableEndpointIfFailing(hook.id)).toBe(false);
    expect(await db.emailMessage.count({ where: { kind: "webhook-disabled", to: adminEmail } })).toBe(1);
  });
});
