import { beforeAll, afterAll, describe, expect, it, vi } from "vitest";
import * as appointments from "@/app/api/v1/appointments/route";
import * as customerItem from "@/app/api/v1/customers/[id]/route";
import * as customers from "@/app/api/v1/customers/route";
import * as serviceItem from "@/app/api/v1/services/[id]/route";
import * as services from "@/app/api/v1/services/route";
import { db } from "@/lib/db";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";
import { sendDueWebhookDeliveries } from "@/lib/webhooks/send-deliveries";
import { call } from "@/tests/support/api-client";
import { at, createKey, createUser } from "@/tests/support/api-fixtures";
import { startHttpStub } from "@/tests/support/http-stub";
import { eventually, webhookSalonBeforeAll, subscribe, verifyWith } from "@/tests/support/webhook-fixtures";

/**
 * customer.created and service.updated end to end: the change through its real door, the outbox, the
 * in-process sender, and a local receiver that checks every request with the standardwebhooks package.
 * Sign-up is the real action; only Auth.js and the token email are stood in for.
 */

vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.7" }) }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/navigation", () => ({ redirect: vi.fn(), unstable_rethrow: vi.fn() }));
vi.mock("@/auth", () => ({ signIn: vi.fn(async () => undefined), signOut: vi.fn() }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));
vi.mock("@/lib/auth/send-token-email", () => ({ sendTokenEmail: vi.fn(async () => undefined) }));

const { registerAction } = await import("@/lib/auth/actions");

type Auth = Record<string, string>;
let admin: Auth, frontDesk: Auth;
const salon = webhookSalonBeforeAll();
const receiver = await startHttpStub(() => ({ status: 200, body: { ok: true } }));
const requestsTo = (path: string) => receiver.requests.filter((request) => request.path === `/${path}`);

beforeAll(async () => {
  admin = (await createKey((await createUser("ADMIN")).id)).auth;
  frontDesk = (await createKey((await createUser("FRONT_DESK")).id)).auth;
});

afterAll(() => receiver.close());

function signUpForm(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

async function getCustomer(id: string) {
  const response = await call(customerItem.GET, "GET", `/customers/${id}`, { headers: admin, params: { id } });
  expect(response.status).toBe(200);
  return response.body as Record<string, unknown>;
}

/** The front desk books for a walk-in by name and email (the customer is created the first time). */
async function bookWalkIn(hour: number) {
  const response = await call(appointments.POST, "POST", "/appointments", {
    headers: frontDesk,
    body: {
      serviceId: salon.serviceId,
      staffId: salon.stylistId,
      startsAt: at(40, hour),
      customer: { name: "Walk In", email: "walk.in@customer.test" },
    },
  });
  expect(response.status).toBe(201);
  await publishOutboxAfterResponse();
}

async function deliveredBodies(secret: string, path: string, count: number) {
  await eventually(() => requestsTo(path).length >= count);
  return requestsTo(path).map((request) => verifyWith(secret, request));
}

describe("customer.created", () => {
  it("the API, a staff booking for a new customer and a sign-up each send one signed event with the GET representation", async () => {
    const hook = await subscribe(admin, `${receiver.url}/customers`, ["customer.created"]);

    const viaApi = await call(customers.POST, "POST", "/customers", {
      headers: admin,
      body: { name: "Robin Api", email: "robin.api@customer.test", phone: "+44 20 7946 0001" },
    });
    expect(viaApi.status).toBe(201);
    await publishOutboxAfterResponse();

    await bookWalkIn(9);

    const signedUp = await registerAction(
      { status: "idle" },
      signUpForm({ name: "Sam Signup", email: "sam.signup@customer.test", password: "a-long-password" }),
    );
    expect(signedUp.status).toBe("success");

    const bodies = await deliveredBodies(hook.secret, "customers", 3);
    expect(bodies.map((body) => [body.type, body.data.email])).toEqual([
      ["customer.created", "robin.api@customer.test"],
      ["customer.created", "walk.in@customer.test"],
      ["customer.created", "sam.signup@customer.test"],
    ]);
    for (const body of bodies) expect(body.data).toEqual(await getCustomer(String(body.data.id)));
    expect(bodies[0]!.previous).toBeUndefined();

    // Each customer is its own ordering key: one slow customer never holds back another.
    const keys = await db.webhookDelivery.findMany({ where: { endpointId: hook.id }, select: { orderingKey: true } });
    expect(new Set(keys.map((row) => row.orderingKey))).toEqual(new Set(bodies.map((body) => body.data.id)));

    // An existing customer booked again by name and email is not created again.
    await bookWalkIn(12);
    expect(await sendDueWebhookDeliveries()).toMatchObject({ attempted: 0 });
    expect(requestsTo("customers")).toHaveLength(3);
    await db.webhookEndpoint.delete({ where: { id: hook.id } });
  });

  it("is not sent to an endpoint that did not subscribe to it", async () => {
    const hook = await subscribe(admin, `${receiver.url}/appointments-only`, ["appointment.created"]);
    const response = await call(customers.POST, "POST", "/customers", {
      headers: admin,
      body: { name: "Nobody Listens", email: "nobody.listens@customer.test" },
    });
    expect(response.status).toBe(201);
    await publishOutboxAfterResponse();
    expect(await db.webhookDelivery.count({ where: { endpointId: hook.id } })).toBe(0);
    await db.webhookEndpoint.delete({ where: { id: hook.id } });
  });
});

describe("service.updated", () => {
  it("create, price change and deactivation: one signed event each, in order, with the replaced values and the GET representation", async () => {
    const hook = await subscribe(admin, `${receiver.url}/services`, ["service.updated"]);
    const created = await call(services.POST, "POST", "/services", {
      headers: admin,
      body: { slug: "gloss", name: "Gloss", category: "Colour", durationMinutes: 30, priceCents: 3000, currency: "GBP" },
    });
    expect(created.status).toBe(201);
    // As after each real response: the delivery is written (and `data` read) once the change is out.
    await publishOutboxAfterResponse();
    const id = String(created.body.id);
    const repriced = await call(serviceItem.PATCH, "PATCH", `/services/${id}`, {
      headers: { ...admin, "if-match": String(created.headers.get("etag")) },
      params: { id },
      body: { priceCents: 3500, durationMinutes: 45 },
    });
    expect(repriced.status).toBe(200);
    await publishOutboxAfterResponse();
    // The same values again change nothing a partner sees: nothing is announced.
    const unchanged = await call(serviceItem.PATCH, "PATCH", `/services/${id}`, {
      headers: { ...admin, "if-match": String(repriced.headers.get("etag")) },
      params: { id },
      body: { priceCents: 3500 },
    });
    expect(unchanged.status).toBe(200);
    const deactivated = await call(serviceItem.DELETE, "DELETE", `/services/${id}`, {
      headers: { ...admin, "if-match": String(unchanged.headers.get("etag")) },
      params: { id },
    });
    expect(deactivated.status).toBe(200);
    await publishOutboxAfterResponse();

    const bodies = await deliveredBodies(hook.secret, "services", 3);
    expect(bodies.map((body) => [body.type, body.data.priceCents, body.data.active, body.previous])).toEqual([
      ["service.updated", 3000, true, undefined],
      ["service.updated", 3500, true, { priceCents: 3000, durationMinutes: 30 }],
      ["service.updated", 3500, false, { active: true }],
    ]);
    const current = await call(serviceItem.GET, "GET", `/services/${id}`, { headers: admin, params: { id } });
    expect(bodies.at(-1)!.data).toEqual(current.body);
    // The service's own id orders its events, whatever appointment traffic goes on beside them.
    const keys = await db.webhookDelivery.findMany({ where: { endpointId: hook.id }, select: { orderingKey: true } });
    expect(keys.map((row) => row.orderingKey)).toEqual([id, id, id]);
    expect(await sendDueWebhookDeliveries()).toMatchObject({ attempted: 0 });
    expect(requestsTo("services")).toHaveLength(3);
    await db.webhookEndpoint.delete({ where: { id: hook.id } });
  });

  it("a change that fails (a stale If-Match) announces nothing", async () => {
    const before = await db.outboxEvent.count({ where: { type: "service.updated" } });
    const response = await call(serviceItem.PATCH, "PATCH", `/services/${salon.serviceId}`, {
      headers: { ...admin, "if-match": '"1"' },
      params: { id: salon.serviceId },
      body: { priceCents: 9900 },
    });
    expect(response.status).toBe(412);
    expect(await db.outboxEvent.count({ where: { type: "service.updated" } })).toBe(before);
  });
});
