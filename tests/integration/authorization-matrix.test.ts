import { beforeAll, describe, expect, it, vi } from "vitest";
import type { JWT } from "@auth/core/jwt";
import { db } from "@/lib/db";
import { call } from "../support/api-client";
import {
  ALL_SCOPES,
  at,
  createKey,
  createSalon,
  createService,
  createStylist,
  createUser,
  day,
  insertAppointment,
} from "../support/api-fixtures";
import { Redirect } from "../support/next-navigation";
import { useWebhookSettings } from "../support/webhook-fixtures";
import { systemActor } from "@/lib/auth/actor";
import { bookVisit } from "@/lib/visits/mutations";
import { createTestDelivery, createWebhookEndpoint } from "@/lib/webhooks/mutations";
import {
  ACTION_MATRIX,
  API_MATRIX,
  KEY_ACTORS,
  SESSION_ACTORS,
  type KeyActor,
  type Outcome,
  type SessionActor,
} from "../support/authorization-doors";

/**
 * Every exported server action and every /api/v1 route method, called as each actor against a real
 * database, must give the outcome tests/support/authorization-doors.ts names. Sessions are real tokens
 * re-checked by the same code as the jwt callback (so a disabled account is signed out), keys are real
 * keys; only next-auth's cookie handling and Next's redirect machinery are stood in for.
 */

let sessionOf: string | null = null;

vi.mock("next/navigation", async () => (await import("../support/next-navigation")).navigationMock);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.1" }) }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/notifications/publish-after-response", () => ({ publishOutboxAfterResponse: vi.fn() }));
vi.mock("@/lib/notifications/after-appointment-change", () => ({ afterAppointmentChange: vi.fn() }));
vi.mock("@/auth", async () => {
  const { refreshSessionToken } = await import("@/lib/auth/session-token");
  return {
    signIn: vi.fn(),
    signOut: vi.fn(),
    // A cookie issued at sign-in (with the sessionVersion of then), re-checked as on every request.
    auth: async () => {
      if (!sessionOf) return null;
      const user = await db.user.findUniqueOrThrow({ where: { id: sessionOf }, select: { sessionVersion: true } });
      const token = await refreshSessionToken({ userId: sessionOf, sessionVersion: user.sessionVersion } as JWT);
      if (!token) return null;
      return {
        user: { id: token.userId, role: token.role, name: token.name, email: token.email, emailConfirmed: token.emailVerified ?? false },
      };
    },
  };
});

type Ids = {
  users: Record<Exclude<SessionActor, "anonymous">, string>;
  serviceId: string;
  emailId: string;
  stylistXKeyId: string;
};
let ids: Ids;
let slot = 0;

/** A fresh future appointment of customer A in stylist X's column, so each row starts from BOOKED. */
async function appointmentOfAWithX(): Promise<string> {
  slot += 1;
  const startsAt = new Date(day(30 + Math.floor(slot / 10)).getTime() + (8 + (slot % 10)) * 3_600_000);
  return (await insertAppointment({ customerId: ids.users.customerA, staffId: ids.users.stylistX, serviceId: ids.serviceId, startsAt })).id;
}

/** A visit of customer A with stylist X doing both of its segments (the matrix's one service, twice), from day 200 on: the dashboard visit forms book days 198 and 199. */
async function visitOfAWithX(): Promise<string> {
  slot += 1;
  const startsAt = new Date(day(200 + Math.floor(slot / 5)).getTime() + (8 + 2 * (slot % 5)) * 3_600_000);
  const item = { serviceId: ids.serviceId, staffId: ids.users.stylistX };
  return (await bookVisit(systemActor, { customerId: ids.users.customerA, startsAt, items: [item, item], source: "API" })).id;
}

/** The first segment of a fresh visit of customer A with stylist X, with the visit it belongs to. */
async function segmentOfVisitOfAWithX(): Promise<{ visitId: string; appointmentId: string }> {
  const visitId = await visitOfAWithX();
  const first = await db.appointment.findFirstOrThrow({ where: { visitId, visitPosition: 1 }, select: { id: true } });
  return { visitId, appointmentId: first.id };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

type ActionFn = (...args: unknown[]) => Promise<unknown>;
const when = { date: day(40).toISOString().slice(0, 10), time: "10:00" };
const hours = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((weekday) => [`hours${weekday}`, "08:00-20:00"]));

/** What each action is sent: built once per row (so an appointment row gets its own appointment). */
const actionForms: Record<string, () => Promise<FormData | undefined>> = {
  resendVerificationAction: async () => undefined,
  signOutAction: async () => undefined,
  signOutEverywhereAction: async () => undefined,
  confirmBookingAction: async () =>
    form({ service: ids.serviceId, staff: ids.users.stylistX, start: at(45, 9), date: day(45).toISOString().slice(0, 10) }),
  rescheduleAction: async () =>
    form({ appointmentId: await appointmentOfAWithX(), version: "1", start: at(50, 11), date: day(50).toISOString().slice(0, 10) }),
  cancelAction: async () => form({ appointmentId: await appointmentOfAWithX(), version: "1" }),
  confirmVisitAction: async () =>
    form({
      services: `${ids.serviceId},${ids.serviceId}`,
      staff: ids.users.stylistX,
      start: at(46, 9),
      date: day(46).toISOString().slice(0, 10),
    }),
  // A visit of two segments starts at version 2 (the sum of its segments' versions).
  rescheduleVisitAction: async () =>
    form({
      appointmentId: (await segmentOfVisitOfAWithX()).appointmentId,
      version: "2",
      start: at(51, 11),
      date: day(51).toISOString().slice(0, 10),
    }),
  cancelVisitAction: async () => form({ appointmentId: (await segmentOfVisitOfAWithX()).appointmentId, version: "2" }),
  changeNoteAction: async () => form({ appointmentId: await appointmentOfAWithX(), version: "1", note: "Quiet room, please" }),
  createAppointmentAction: async () =>
    form({
      customerName: "Walk In",
      customerEmail: "walk.in@example.test",
      serviceId: ids.serviceId,
      staffId: ids.users.stylistX,
      ...when,
      overrideAvailability: "on",
    }),
  dashboardRescheduleAction: async () =>
    form({
      appointmentId: await appointmentOfAWithX(),
      version: "1",
      staffId: ids.users.stylistX,
      ...when,
      time: "12:00",
      overrideAvailability: "on",
    }),
  dashboardCancelAction: async () => form({ appointmentId: await appointmentOfAWithX(), version: "1", reason: "Closed" }),
  transitionAction: async () => form({ appointmentId: await appointmentOfAWithX(), version: "1", transition: "complete" }),
  createVisitAction: async () => {
    const data = form({ customerName: "Walk In", customerEmail: "walk.in.visit@example.test", startsAt: at(199, 9) });
    for (let i = 0; i < 2; i++) {
      data.append("serviceId", ids.serviceId);
      data.append("staffId", ids.users.stylistX);
    }
    return data;
  },
  dashboardRescheduleVisitAction: async () => form({ visitId: await visitOfAWithX(), version: "2", startsAt: at(198, 9) }),
  dashboardCancelVisitAction: async () => form({ visitId: await visitOfAWithX(), version: "2", reason: "Closed" }),
  // Handed to stylist X, who already has it: past the door, refused as nothing to change.
  reassignSegmentAction: async () => form({ ...(await segmentOfVisitOfAWithX()), version: "1", staffId: ids.users.stylistX }),
  cancelSegmentAction: async () => form({ ...(await segmentOfVisitOfAWithX()), version: "1", reason: "Stylist ill" }),
  chargeNoShowFeeAction: async () => form({ appointmentId: await appointmentOfAWithX() }),
  refundDepositAction: async () => form({ appointmentId: await appointmentOfAWithX() }),
  waiveDepositAction: async () => form({ appointmentId: await appointmentOfAWithX() }),
  addStaffNoteAction: async () => form({ appointmentId: await appointmentOfAWithX(), body: "Prefers quiet" }),
  resendEmailAction: async () => form({ emailId: ids.emailId }),
  addCustomerNoteAction: async () => form({ customerId: ids.users.customerA, body: "Prefers a quiet chair" }),
  recordPatchTestAction: async () =>
    form({
      customerId: ids.users.customerA,
      date: day(-3).toISOString().slice(0, 10),
      time: "10:00",
      product: "Koleston",
      result: "NEGATIVE",
    }),
  saveWeeklyHoursAction: async () => form({ staffId: ids.users.stylistX, ...hours }),
  addTimeOffAction: async () => form({ staffId: ids.users.stylistX, fromDate: when.date, toDate: when.date }),
  removeTimeOffAction: async () => form({ staffId: ids.users.stylistX, timeOffId: "no-such-time-off" }),
  createApiKeyAction: async () => {
    const data = form({ name: "matrix key" });
    data.append("scopes", "appointments:read");
    return data;
  },
  revokeApiKeyAction: async () => form({ keyId: ids.stylistXKeyId }),
};

/** The outcome of one action call, read from what it returned or threw. */
async function actionOutcome(action: ActionFn, data: FormData | undefined): Promise<Outcome> {
  try {
    const state = (await (data ? action({ status: "idle" }, data) : action())) as { code?: string } | undefined;
    if (state?.code === "FORBIDDEN") return 403;
    if (state?.code === "NOT_FOUND") return 404;
    return "allow";
  } catch (error) {
    if (!(error instanceof Redirect)) throw error;
    if (error.url.startsWith("/sign-in") && !error.url.includes("notice=")) return 401;
    if (error.url === "/404") return 404;
    return "allow";
  }
}

beforeAll(async () => {
  // Endpoints point at a closed local port: only the guard's development mode allows that.
  useWebhookSettings();
  await createSalon();
  const serviceId = (await createService()).id;
  const stylistX = (await createStylist([serviceId], "Stylist X")).id;
  const stylistY = (await createStylist([serviceId], "Stylist Y")).id;
  const users = {
    customerA: (await createUser("CUSTOMER", "Customer A")).id,
    customerB: (await createUser("CUSTOMER", "Customer B")).id,
    stylistX,
    stylistY,
    frontDesk: (await createUser("FRONT_DESK", "Front Desk")).id,
    admin: (await createUser("ADMIN", "Admin")).id,
    // The strongest case: an admin who has left.
    disabled: (await createUser("ADMIN", "Disabled Admin")).id,
  };
  await db.user.updateMany({ data: { emailVerified: new Date() } });
  await db.user.update({ where: { id: users.disabled }, data: { disabledAt: new Date() } });
  const email = await db.emailMessage.create({
    data: {
      to: "someone@example.test",
      kind: "confirmation",
      subject: "Booked",
      html: "<p>Booked</p>",
      text: "Booked",
      transport: "mailbox",
      status: "SENT",
    },
  });
  const stylistXKeyId = (await createKey(stylistX, ["appointments:read"])).id;
  ids = { users, serviceId, emailId: email.id, stylistXKeyId };
});

describe("authorization matrix: server actions", () => {
  for (const [module, actions] of Object.entries(ACTION_MATRIX)) {
    for (const [name, expected] of Object.entries(actions)) {
      it(`${module} ${name}`, async () => {
        const action = ((await import(`@/lib/${module}`)) as Record<string, ActionFn>)[name]!;
        const data = await (actionForms[name] ?? (async () => new FormData()))();
        const actual: Partial<Record<SessionActor, Outcome>> = {};
        for (const actor of SESSION_ACTORS) {
          sessionOf = actor === "anonymous" ? null : ids.users[actor];
          actual[actor] = await actionOutcome(action, data);
        }
        expect(actual).toEqual(expected);
      });
    }
  }
});

type Route = Record<string, (request: Request, context: { params: Promise<never> }) => Promise<Response>>;
type ApiRequest = { path: string; params?: Record<string, string>; body?: unknown; headers?: Record<string, string> };

let unique = 0;
const ifMatchAny = { "if-match": "*" };

const HOOK_URL = "http://127.0.0.1:9/hook";

/** A fresh endpoint for each call (DELETE removes it), and the request for `suffix` under it. */
async function webhookRequest(suffix: string) {
  const { endpoint } = await createWebhookEndpoint(systemActor, { url: HOOK_URL, events: ["appointment.created"] });
  return { path: `/webhooks/${endpoint.id}${suffix}`, params: { id: endpoint.id } };
}

/** What each route method is sent (a valid request, so only authorization can stop it). */
const apiRequests: Record<string, () => Promise<ApiRequest>> = {
  "appointments/route.ts GET": async () => ({ path: "/appointments" }),
  "appointments/route.ts POST": async () => ({
    path: "/appointments",
    body: { serviceId: ids.serviceId, staffId: ids.users.stylistX, customerId: ids.users.customerA, startsAt: at(60, 8 + (unique++ % 12)) },
  }),
  "appointments/[id]/route.ts GET": async () => {
    const id = await appointmentOfAWithX();
    return { path: `/appointments/${id}`, params: { id } };
  },
  "appointments/[id]/route.ts PATCH": async () => {
    const id = await appointmentOfAWithX();
    return { path: `/appointments/${id}`, params: { id }, headers: ifMatchAny, body: { startsAt: at(70, 8 + (unique++ % 12)) } };
  },
  "appointments/[id]/route.ts DELETE": async () => {
    const id = await appointmentOfAWithX();
    return { path: `/appointments/${id}`, params: { id }, headers: ifMatchAny, body: { reason: "Closed" } };
  },
  "availability/route.ts GET": async () => ({ path: `/availability?serviceId=${ids.serviceId}&from=${at(5, 0)}&to=${at(6, 0)}` }),
  "visits/route.ts POST": async () => {
    const item = { serviceId: ids.serviceId, staffId: ids.users.stylistX };
    return { path: "/visits", body: { items: [item, item], customerId: ids.users.customerA, startsAt: at(90 + (unique++ % 40), 9) } };
  },
  "visits/[id]/route.ts GET": async () => {
    const id = await visitOfAWithX();
    return { path: `/visits/${id}`, params: { id } };
  },
  "visits/[id]/route.ts PATCH": async () => {
    const id = await visitOfAWithX();
    return { path: `/visits/${id}`, params: { id }, headers: ifMatchAny, body: { startsAt: at(150 + (unique++ % 40), 14) } };
  },
  "visits/[id]/route.ts DELETE": async () => {
    const id = await visitOfAWithX();
    return { path: `/visits/${id}`, params: { id }, headers: ifMatchAny, body: { reason: "Closed" } };
  },
  "customers/route.ts GET": async () => ({ path: "/customers" }),
  "customers/route.ts POST": async () => ({
    path: "/customers",
    body: { name: "New Person", email: `new.person.${unique++}@example.test` },
  }),
  "customers/[id]/route.ts GET": async () => {
    await appointmentOfAWithX();
    return { path: `/customers/${ids.users.customerA}`, params: { id: ids.users.customerA } };
  },
  "me/route.ts GET": async () => ({ path: "/me" }),
  "salon/route.ts GET": async () => ({ path: "/salon" }),
  "services/route.ts GET": async () => ({ path: "/services" }),
  "services/route.ts POST": async () => {
    const slug = `matrix-${unique++}`;
    return { path: "/services", body: { slug, name: "Matrix trim", category: "Hair", durationMinutes: 20, priceCents: 1500 } };
  },
  "services/[id]/route.ts GET": async () => ({ path: `/services/${ids.serviceId}`, params: { id: ids.serviceId } }),
  "services/[id]/route.ts PATCH": async () => ({
    path: `/services/${ids.serviceId}`,
    params: { id: ids.serviceId },
    headers: ifMatchAny,
    body: { description: "Updated" },
  }),
  "services/[id]/route.ts DELETE": async () => {
    const id = (await createService()).id;
    return { path: `/services/${id}`, params: { id }, headers: ifMatchAny };
  },
  "reports/summary/route.ts GET": async () => ({ path: `/reports/summary?from=2030-01-01&to=2030-01-31&staffId=${ids.users.stylistX}` }),
  "staff/route.ts GET": async () => ({ path: "/staff" }),
  "staff/[id]/route.ts GET": async () => ({ path: `/staff/${ids.users.stylistX}`, params: { id: ids.users.stylistX } }),
  "waitlist/route.ts GET": async () => ({ path: "/waitlist" }),
  "waitlist/route.ts POST": async () => ({
    path: "/waitlist",
    body: { serviceId: ids.serviceId, customerId: ids.users.customerA, from: at(20, 12).slice(0, 10), to: at(22, 12).slice(0, 10) },
  }),
  "waitlist/[id]/route.ts DELETE": async () => {
    const id = (await waitlistEntryOfA()).id;
    return { path: `/waitlist/${id}`, params: { id } };
  },
  "webhooks/route.ts GET": async () => ({ path: "/webhooks" }),
  "webhooks/route.ts POST": async () => ({ path: "/webhooks", body: { url: HOOK_URL, events: ["appointment.created"] } }),
  "webhooks/[id]/route.ts GET": async () => webhookRequest(""),
  "webhooks/[id]/route.ts PATCH": async () => ({ ...(await webhookRequest("")), body: { description: "Updated" } }),
  "webhooks/[id]/route.ts DELETE": async () => webhookRequest(""),
  "webhooks/[id]/rotate-secret/route.ts POST": async () => webhookRequest("/rotate-secret"),
  "webhooks/[id]/test/route.ts POST": async () => webhookRequest("/test"),
  "webhooks/[id]/deliveries/route.ts GET": async () => webhookRequest("/deliveries"),
  "webhooks/[id]/deliveries/[deliveryId]/replay/route.ts POST": async () => {
    const { params } = await webhookRequest("");
    const deliveryId = await createTestDelivery(params.id);
    return { path: `/webhooks/${params.id}/deliveries/${deliveryId}/replay`, params: { ...params, deliveryId } };
  },
};

/** Customer A waiting for the matrix's service (made directly: the per-customer cap is not the point here). */
function waitlistEntryOfA() {
  const from = at(20, 0);
  return db.waitlistEntry.create({
    data: {
      customerId: ids.users.customerA,
      serviceIds: [ids.serviceId],
      fromDate: from.slice(0, 10),
      toDate: from.slice(0, 10),
      rangeFrom: new Date(from),
      rangeUntil: new Date(Date.parse(from) + 86_400_000),
      source: "API",
    },
  });
}

/** Each route method's scope: "key without the scope" is an admin key with every other one. */
const routeScopes: Record<string, (typeof ALL_SCOPES)[number] | undefined> = {
  "appointments/route.ts GET": "appointments:read",
  "appointments/route.ts POST": "appointments:write",
  "appointments/[id]/route.ts GET": "appointments:read",
  "appointments/[id]/route.ts PATCH": "appointments:write",
  "appointments/[id]/route.ts DELETE": "appointments:write",
  "availability/route.ts GET": "appointments:read",
  "visits/route.ts POST": "appointments:write",
  "visits/[id]/route.ts GET": "appointments:read",
  "visits/[id]/route.ts PATCH": "appointments:write",
  "visits/[id]/route.ts DELETE": "appointments:write",
  "customers/route.ts GET": "customers:read",
  "customers/route.ts POST": "customers:write",
  "customers/[id]/route.ts GET": "customers:read",
  "me/route.ts GET": undefined,
  "salon/route.ts GET": undefined,
  "services/route.ts GET": "services:read",
  "services/route.ts POST": "services:write",
  "services/[id]/route.ts GET": "services:read",
  "services/[id]/route.ts PATCH": "services:write",
  "services/[id]/route.ts DELETE": "services:write",
  "reports/summary/route.ts GET": "reports:read",
  "staff/route.ts GET": "staff:read",
  "staff/[id]/route.ts GET": "staff:read",
  "waitlist/route.ts GET": "appointments:read",
  "waitlist/route.ts POST": "appointments:write",
  "waitlist/[id]/route.ts DELETE": "appointments:write",
  "webhooks/route.ts GET": "webhooks:read",
  "webhooks/route.ts POST": "webhooks:write",
  "webhooks/[id]/route.ts GET": "webhooks:read",
  "webhooks/[id]/route.ts PATCH": "webhooks:write",
  "webhooks/[id]/route.ts DELETE": "webhooks:write",
  "webhooks/[id]/rotate-secret/route.ts POST": "webhooks:write",
  "webhooks/[id]/test/route.ts POST": "webhooks:write",
  "webhooks/[id]/deliveries/route.ts GET": "webhooks:read",
  "webhooks/[id]/deliveries/[deliveryId]/replay/route.ts POST": "webhooks:write",
};

function apiOutcome(status: number): Outcome {
  if (status === 401 || status === 403 || status === 404 || status === 422) return status;
  if (status >= 500) throw new Error(`server error ${status}`);
  return "allow";
}

async function keyFor(actor: KeyActor, door: string): Promise<Record<string, string>> {
  if (actor === "anonymous") return {};
  if (actor === "expiredKey") return (await createKey(ids.users.admin, undefined, new Date(Date.now() - 60_000))).auth;
  if (actor === "keyWithoutScope")
    return (
      await createKey(
        ids.users.admin,
        ALL_SCOPES.filter((scope) => scope !== routeScopes[door]),
      )
    ).auth;
  return (await createKey(ids.users[actor])).auth;
}

describe("authorization matrix: /api/v1 routes", () => {
  for (const [file, { methods, notAllowed }] of Object.entries(API_MATRIX)) {
    for (const [method, expected] of Object.entries(methods)) {
      const door = `${file} ${method}`;
      it(door, async () => {
        const route = (await import(`@/app/api/v1/${file.replace(/\.ts$/, "")}`)) as Route;
        const actual: Partial<Record<KeyActor, Outcome>> = {};
        for (const actor of KEY_ACTORS) {
          const request = await apiRequests[door]!();
          const response = await call(route[method]!, method, request.path, {
            ...request,
            headers: { ...request.headers, ...(await keyFor(actor, door)) },
          });
          actual[actor] = apiOutcome(response.status);
        }
        expect(actual).toEqual(expected);
      });
    }
    it(`${file} answers 405 to ${notAllowed.join(", ")}`, async () => {
      const route = (await import(`@/app/api/v1/${file.replace(/\.ts$/, "")}`)) as Route;
      for (const method of notAllowed) expect((await call(route[method]!, method, "/x")).status).toBe(405);
    });
  }
});
