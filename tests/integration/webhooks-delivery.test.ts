import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as appointmentItem from "@/app/api/v1/appointments/[id]/route";
import * as appointments from "@/app/api/v1/appointments/route";
import * as deliveriesRoute from "@/app/api/v1/webhooks/[id]/deliveries/route";
import * as replayRoute from "@/app/api/v1/webhooks/[id]/deliveries/[deliveryId]/replay/route";
import * as rotateRoute from "@/app/api/v1/webhooks/[id]/rotate-secret/route";
import * as testRoute from "@/app/api/v1/webhooks/[id]/test/route";
import { changeCustomerNote, finishAppointment } from "@/lib/booking/mutations";
import { db } from "@/lib/db";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";
import { sendDueWebhookDeliveries } from "@/lib/webhooks/send-deliveries";
import type { UserActor } from "@/lib/auth/actor";
import { call } from "@/tests/support/api-client";
import { at, createKey, createUser } from "@/tests/support/api-fixtures";
import { startHttpStub, type RecordedRequest, type StubReply } from "@/tests/support/http-stub";
import { eventually, webhookSalonBeforeAll, subscribe, useWebhookSettings, verifyWith } from "@/tests/support/webhook-fixtures";

/**
 * Webhooks end to end through the real API routes, the outbox, the in-process sender and local HTTP
 * receivers that check every request with the standardwebhooks package, as a partner would.
 */

type Auth = Record<string, string>;
let admin: Auth, customerKey: Auth;
let adminActor: UserActor;
const salon = webhookSalonBeforeAll();
/** What the receiver answers next, per path (each test has its own); then 200. */
const replies: Record<string, StubReply[]> = {};
const receiver = await startHttpStub((request) => replies[request.path]?.shift() ?? { status: 200, body: { ok: true } });
const second = await startHttpStub(() => ({ status: 204, body: null }));

beforeAll(async () => {
  const adminUser = await createUser("ADMIN");
  adminActor = { kind: "user", userId: adminUser.id, role: "ADMIN" };
  admin = (await createKey(adminUser.id)).auth;
  customerKey = (await createKey((await createUser("CUSTOMER")).id)).auth;
});

afterAll(async () => {
  await receiver.close();
  await second.close();
});

/** A fresh receiver-side view: only the requests for this endpoint's path. */
const at_ = (url: string, path: string) => `${url}/${path}`;
const requestsTo = (path: string, stub = receiver) => stub.requests.filter((request) => request.path === `/${path}`);

async function book(offsetDays: number, hour: number) {
  const response = await call(appointments.POST, "POST", "/appointments", {
    headers: customerKey,
    body: { serviceId: salon.serviceId, staffId: salon.stylistId, startsAt: at(offsetDays, hour) },
  });
  expect(response.status).toBe(201);
  await publishOutboxAfterResponse();
  return response.body as { id: string; version: number };
}

/** Polled straight from the table: the API's rate limit is for partners, not for a test's loop. */
async function statusOf(endpointId: string) {
  return (await db.webhookDelivery.findFirst({ where: { endpointId }, orderBy: { id: "desc" } }))?.status;
}

async function deliveriesOf(endpointId: string) {
  const response = await call(deliveriesRoute.GET, "GET", `/webhooks/${endpointId}/deliveries`, {
    headers: admin,
    params: { id: endpointId },
  });
  expect(response.status).toBe(200);
  return response.body.items as Array<{
    id: string;
    eventId: string;
    eventType: string;
    status: string;
    attempt: number;
    statusCode: number | null;
    error: string | null;
  }>;
}

describe("signing", () => {
  it("signs every delivery so Webhook.verify accepts it, and rejects a tampered body, a wrong secret and an old timestamp", async () => {
    const hook = await subscribe(admin, at_(receiver.url, "signing"), ["appointment.created"]);
    expect(hook.secret).toMatch(/^whsec_/);
    await book(30, 9);
    await eventually(() => requestsTo("signing").length === 1);
    const [request] = requestsTo("signing") as [RecordedRequest];
    expect(request.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect(verifyWith(hook.secret, request).type).toBe("appointment.created");

    expect(() => verifyWith(hook.secret, { ...request, body: request.body.replace("BOOKED", "CANCELLED") })).toThrow();
    const other = await subscribe(admin, at_(receiver.url, "unused"), ["appointment.created"]);
    expect(() => verifyWith(other.secret, request)).toThrow();
    // Re-signed six minutes ago with the right secret: the standard verifier refuses it as stale.
    const stale = new Date(Date.now() - 6 * 60_000);
    const id = String(request.headers["webhook-id"]);
    const headers = {
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(stale.getTime() / 1000)),
      "webhook-signature": new Webhook(hook.secret).sign(id, stale, request.body),
    };
    expect(() => new Webhook(hook.secret).verify(request.body, headers)).toThrow(/timestamp/i);
    await db.webhookEndpoint.deleteMany({ where: { id: { in: [hook.id, other.id] } } });
  });
});

describe("events", () => {
  it("book, reschedule and cancel: exactly one delivery per event per endpoint, in order, with the GET representation", async () => {
    const one = await subscribe(admin, at_(receiver.url, "lifecycle"));
    const two = await subscribe(admin, at_(second.url, "lifecycle"));
    const appointment = await book(31, 9);
    const moved = await call(appointmentItem.PATCH, "PATCH", `/appointments/${appointment.id}`, {
      headers: { ...customerKey, "if-match": `"${appointment.version}"` },
      params: { id: appointment.id },
      body: { startsAt: at(31, 12) },
    });
    expect(moved.status).toBe(200);
    await publishOutboxAfterResponse();
    const cancelled = await call(appointmentItem.DELETE, "DELETE", `/appointments/${appointment.id}`, {
      headers: { ...customerKey, "if-match": `"${moved.body.version}"` },
      params: { id: appointment.id },
      body: { reason: "Changed my mind" },
    });
    expect(cancelled.status).toBe(200);
    await publishOutboxAfterResponse();

    for (const [hook, stub] of [
      [one, receiver],
      [two, second],
    ] as const) {
      await eventually(() => requestsTo("lifecycle", stub).length >= 3);
      const bodies = requestsTo("lifecycle", stub).map((request) => verifyWith(hook.secret, request));
      expect(bodies.map((body) => body.type)).toEqual(["appointment.created", "appointment.rescheduled", "appointment.cancelled"]);
      expect(bodies.map((body) => body.data.version)).toEqual([1, 2, 3]);
      expect(bodies[1]!.previous).toMatchObject({ startsAt: new Date(at(31, 9)).toISOString() });
      expect(new Set(requestsTo("lifecycle", stub).map((request) => request.headers["webhook-id"])).size).toBe(3);
    }
    const current = await call(appointmentItem.GET, "GET", `/appointments/${appointment.id}`, {
      headers: customerKey,
      params: { id: appointment.id },
    });
    const last = verifyWith(one.secret, requestsTo("lifecycle").at(-1)!);
    expect(last.data).toEqual(current.body);
    // The relay's next pass sends nothing again.
    expect(await sendDueWebhookDeliveries()).toMatchObject({ attempted: 0 });
    expect(requestsTo("lifecycle")).toHaveLength(3);
    await db.webhookEndpoint.deleteMany({ where: { id: { in: [one.id, two.id] } } });
  });

  it.each([
    {
      type: "appointment.completed",
      hour: 9,
      change: (id: string) => finishAppointment(adminActor, { appointmentId: id, status: "COMPLETED" }, { now: new Date(at(33, 20)) }),
    },
    {
      type: "appointment.no_show",
      hour: 12,
      change: (id: string) => finishAppointment(adminActor, { appointmentId: id, status: "NO_SHOW" }, { now: new Date(at(33, 20)) }),
    },
    {
      type: "appointment.note_changed",
      hour: 15,
      change: (id: string) => changeCustomerNote(adminActor, { appointmentId: id, note: "Please use the quiet room." }),
    },
  ])("$type: exactly one signed delivery per subscribed endpoint, with the GET representation", async ({ type, hour, change }) => {
    const path = type.replace(".", "-");
    const one = await subscribe(admin, at_(receiver.url, path), [type]);
    const two = await subscribe(admin, at_(second.url, path), [type]);
    const appointment = await book(33, hour);
    await change(appointment.id);
    await publishOutboxAfterResponse();
    const current = await call(appointmentItem.GET, "GET", `/appointments/${appointment.id}`, {
      headers: customerKey,
      params: { id: appointment.id },
    });
    for (const [hook, stub] of [
      [one, receiver],
      [two, second],
    ] as const) {
      await eventually(() => requestsTo(path, stub).length >= 1);
      const bodies = requestsTo(path, stub).map((request) => verifyWith(hook.secret, request));
      expect(bodies.map((body) => body.type)).toEqual([type]);
      expect(bodies[0]!.data).toEqual(current.body);
    }
    expect(await sendDueWebhookDeliveries()).toMatchObject({ attempted: 0 });
    expect(requestsTo(path)).toHaveLength(1);
    await db.webhookEndpoint.deleteMany({ where: { id: { in: [one.id, two.id] } } });
  });
});

describe("retries", () => {
  it("500 twice then 200: three attempts with the same webhook-id, all three in the delivery log", async () => {
    const hook = await subscribe(admin, at_(receiver.url, "flaky"), ["appointment.created"]);
    replies["/flaky"] = [
      { status: 500, body: { error: "down" } },
      { status: 500, body: { error: "still down" } },
    ];
    await book(32, 9);
    await eventually(async () => {
      await sendDueWebhookDeliveries();
      return requestsTo("flaky").length === 3;
    });
    // The third answer may have come to the retry timer's send, which logs it a moment later.
    await eventually(async () => (await statusOf(hook.id)) === "SUCCEEDED");
    expect(new Set(requestsTo("flaky").map((request) => request.headers["webhook-id"])).size).toBe(1);
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempt: 3, statusCode: 200, error: null });
    const attempts = await db.webhookAttempt.findMany({ where: { deliveryId: delivery!.id }, orderBy: { number: "asc" } });
    expect(attempts.map((attempt) => attempt.statusCode)).toEqual([500, 500, 200]);
    expect(attempts[0]!.responseBody).toContain("down");
    await db.webhookEndpoint.delete({ where: { id: hook.id } });
  });

  it("a receiver that hangs: the timeout is recorded and the delivery retried", async () => {
    useWebhookSettings({ timeoutMs: 200 });
    const hook = await subscribe(admin, at_(receiver.url, "hang"), ["appointment.created"]);
    replies["/hang"] = ["hang"];
    await book(33, 9);
    await eventually(async () => {
      await sendDueWebhookDeliveries();
      return (await statusOf(hook.id)) === "SUCCEEDED";
    });
    const [delivery] = await deliveriesOf(hook.id);
    const attempts = await db.webhookAttempt.findMany({ where: { deliveryId: delivery!.id }, orderBy: { number: "asc" } });
    expect(attempts[0]).toMatchObject({ statusCode: null, error: "timed out after 200 ms" });
    expect(attempts[0]!.durationMs).toBeGreaterThanOrEqual(190);
    expect(attempts.at(-1)!.statusCode).toBe(200);
    useWebhookSettings();
    await db.webhookEndpoint.delete({ where: { id: hook.id } });
  });

  it("gives up after the last attempt of the schedule and says why", async () => {
    const hook = await subscribe(admin, at_(receiver.url, "gone"), ["appointment.created"]);
    replies["/gone"] = [
      { status: 410, body: "gone" },
      { status: 410, body: "gone" },
      { status: 410, body: "gone" },
    ];
    await book(34, 9);
    await eventually(async () => {
      await sendDueWebhookDeliveries();
      return (await statusOf(hook.id)) === "FAILED";
    });
    expect((await deliveriesOf(hook.id))[0]).toMatchObject({ attempt: 3, statusCode: 410, error: "HTTP 410" });
    await db.webhookEndpoint.delete({ where: { id: hook.id } });
  });

  it("one appointment's events wait for the one before; another appointment's do not", async () => {
    const hook = await subscribe(admin, at_(receiver.url, "ordered"));
    useWebhookSettings({ schedule: "0,1h" });
    replies["/ordered"] = [{ status: 503, body: "busy" }];
    const first = await book(35, 9);
    await call(appointmentItem.DELETE, "DELETE", `/appointments/${first.id}`, {
      headers: { ...customerKey, "if-match": `"${first.version}"` },
      params: { id: first.id },
      body: {},
    });
    await publishOutboxAfterResponse();
    const other = await book(35, 13);
    await eventually(() => requestsTo("ordered").length === 2);
    const bodies = requestsTo("ordered").map((request) => verifyWith(hook.secret, request));
    // The first appointment's creation failed and waits an hour: its cancellation is held behind it.
    expect(bodies.map((body) => [body.type, body.data.id])).toEqual([
      ["appointment.created", first.id],
      ["appointment.created", other.id],
    ]);
    useWebhookSettings();
    await db.webhookEndpoint.delete({ where: { id: hook.id } });
  });
});

describe("test events, replay and rotation", () => {
  it("sends a test event and replays a delivery with the same webhook-id", async () => {
    const hook = await subscribe(admin, at_(receiver.url, "replay"), ["appointment.created"]);
    const sent = await call(testRoute.POST, "POST", `/webhooks/${hook.id}/test`, { headers: admin, params: { id: hook.id } });
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ eventType: "webhook.test", status: "PENDING" });
    await eventually(() => requestsTo("replay").length === 1);
    expect(verifyWith(hook.secret, requestsTo("replay")[0]!)).toMatchObject({ type: "webhook.test", data: { endpointId: hook.id } });

    const replayed = await call(replayRoute.POST, "POST", `/webhooks/${hook.id}/deliveries/${sent.body.id}/replay`, {
      headers: admin,
      params: { id: hook.id, deliveryId: sent.body.id },
    });
    expect(replayed.status).toBe(202);
    await eventually(() => requestsTo("replay").length === 2);
    expect(requestsTo("replay")[1]!.headers["webhook-id"]).toBe(requestsTo("replay")[0]!.headers["webhook-id"]);
    // The receiver has answered; the attempt is logged a moment later.
    await eventually(async () => (await statusOf(hook.id)) === "SUCCEEDED");
    expect((await deliveriesOf(hook.id))[0]).toMatchObject({ status: "SUCCEEDED", attempt: 2 });

    const missing = await call(replayRoute.POST, "POST", `/webhooks/${hook.id}/deliveries/nope/replay`, {
      headers: admin,
      params: { id: hook.id, deliveryId: "nope" },
    });
    expect(missing.status).toBe(404);
    await db.webhookEndpoint.delete({ where: { id: hook.id } });
  });

  it("after a rotation both secrets verify during the overlap, and only the new one after it", async () => {
    const hook = await subscribe(admin, at_(receiver.url, "rotate"), ["appointment.created"]);
    const rotated = await call(rotateRoute.POST, "POST", `/webhooks/${hook.id}/rotate-secret`, { headers: admin, params: { id: hook.id } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(hook.secret);
    expect(Date.parse(rotated.body.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);

    await call(testRoute.POST, "POST", `/webhooks/${hook.id}/test`, { headers: admin, params: { id: hook.id } });
    await eventually(() => requestsTo("rotate").length === 1);
    const during = requestsTo("rotate")[0]!;
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(verifyWith(hook.secret, during).type).toBe("webhook.test");
    expect(verifyWith(rotated.body.secret, during).type).toBe("webhook.test");

    await db.webhookEndpoint.update({ where: { id: hook.id }, data: { previousSecretExpiresAt: new Date(Date.now() - 1000) } });
    await call(testRoute.POST, "POST", `/webhooks/${hook.id}/test`, { headers: admin, params: { id: hook.id } });
    await eventually(() => requestsTo("rotate").length === 2);
    const after = requestsTo("rotate")[1]!;
    expect(() => verifyWith(hook.secret, after)).toThrow();
    expect(verifyWith(rotated.body.secret, after).type).toBe("webhook.test");
    await db.webhookEndpoint.delete({ where: { id: hook.id } });
  });
});
