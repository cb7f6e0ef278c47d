import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as appointmentItem from "@/app/api/v1/appointments/[id]/route";
import * as appointments from "@/app/api/v1/appointments/route";
import * as customers from "@/app/api/v1/customers/route";
import * as services from "@/app/api/v1/services/route";
import { db } from "@/lib/db";
import { call } from "@/tests/support/api-client";
import { at, createKey, createSalon, createService, createStylist, createUser } from "@/tests/support/api-fixtures";

/**
 * Hostile input: generated payloads (wrong types, huge and unicode strings, out-of-range dates, negative
 * numbers, extra fields, non-objects) must only ever produce a 4xx problem+json, and write nothing.
 */

process.env.API_RATE_LIMIT_PER_MINUTE = "100000";

type Auth = Record<string, string>;
let customerKey: Auth, staffKey: Auth, adminKey: Auth;
let appointmentId: string;

const hostileValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constant("x".repeat(70_000)),
  fc.constant("ß".repeat(30_000)),
  fc.integer({ min: -2_147_483_648, max: -1 }),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -0, 1e308),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    "+275760-09-13T00:00:00Z",
    "-000001-01-01T00:00:00Z",
    "2030-02-30T10:00:00Z",
    "1900-01-01T00:00:00Z",
    "2030-13-01T00:00:00Z",
    "2030-01-01T25:00:00Z",
    "2030-01-01",
  ),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);

/** An object with the endpoint's real field names set to hostile values, sometimes plus extra fields. */
function hostileBody(fields: string[], extra: string[]) {
  const known = fc.record(Object.fromEntries(fields.map((f) => [f, hostileValue])), { requiredKeys: [] });
  const extras = fc.dictionary(fc.oneof(fc.constantFrom(...extra), fc.string({ minLength: 1, maxLength: 30 })), hostileValue, {
    maxKeys: 3,
  });
  return fc.oneof(
    fc.tuple(known, extras).map(([a, b]) => ({ ...b, ...a })),
    fc.anything(),
    fc.string({ maxLength: 50 }).map((s) => `{"raw": ${s}`),
  );
}

async function rowCounts() {
  const [appointmentRows, users, serviceRows, apiKeys] = await Promise.all([
    db.appointment.count(),
    db.user.count(),
    db.service.count(),
    db.apiKey.count(),
  ]);
  return { appointmentRows, users, serviceRows, apiKeys };
}

function expectClientProblem(response: Awaited<ReturnType<typeof call>>) {
  expect(response.status, JSON.stringify(response.body)?.slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(response.contentType).toBe("application/problem+json");
  expect(response.body.code).toEqual(expect.any(String));
}

beforeAll(async () => {
  await createSalon();
  const service = await createService();
  const stylist = await createStylist([service.id]);
  const customer = await createUser("CUSTOMER");
  customerKey = (await createKey(customer.id)).auth;
  staffKey = (await createKey(stylist.id)).auth;
  adminKey = (await createKey((await createUser("ADMIN")).id)).auth;
  const booked = await call(appointments.POST, "POST", "/appointments", {
    headers: customerKey,
    body: { serviceId: service.id, startsAt: at(40, 10) },
  });
  appointmentId = booked.body.id;
});

const runs = { numRuns: 60 };

/** Every hostile body built from `fields` (plus `extra` ones), sent raw or as JSON, answers a 4xx problem. */
async function expectEveryHostileBodyRefused(fields: string[], extra: string[], send: (body: string) => ReturnType<typeof call>) {
  await fc.assert(
    fc.asyncProperty(hostileBody(fields, extra), async (body) => {
      expectClientProblem(await send(typeof body === "string" ? body : JSON.stringify(body ?? null)));
    }),
    runs,
  );
}

describe("hostile payloads write nothing and answer 4xx problem+json", () => {
  it("POST /appointments", async () => {
    const before = await rowCounts();
    await expectEveryHostileBodyRefused(
      ["serviceId", "startsAt", "staffId", "note", "customerId", "customer"],
      ["status", "priceCents", "version"],
      (body) => call(appointments.POST, "POST", "/appointments", { headers: customerKey, body }),
    );
    expect(await rowCounts()).toEqual(before);
  });

  it("PATCH /appointments/{id}", async () => {
    const before = await db.appointment.findUniqueOrThrow({ where: { id: appointmentId } });
    await expectEveryHostileBodyRefused(["startsAt", "staffId", "serviceId", "status", "reason"], ["priceCents", "customerId"], (body) =>
      call(appointmentItem.PATCH, "PATCH", `/appointments/${appointmentId}`, {
        headers: { ...customerKey, "if-match": '"1"' },
        params: { id: appointmentId },
        body,
      }),
    );
    expect(await db.appointment.findUniqueOrThrow({ where: { id: appointmentId } })).toEqual(before);
  });

  it("POST /customers and POST /services", async () => {
    const before = await rowCounts();
    await expectEveryHostileBodyRefused(["name", "email", "phone"], ["role", "passwordHash"], (body) =>
      call(customers.POST, "POST", "/customers", { headers: staffKey, body }),
    );
    await expectEveryHostileBodyRefused(
      ["slug", "name", "category", "durationMinutes", "priceCents", "currency", "bufferAfterMinutes"],
      ["id", "createdAt"],
      (body) => call(services.POST, "POST", "/services", { headers: adminKey, body }),
    );
    expect(await rowCounts()).toEqual(before);
  });

  it("hostile query strings never cause a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom("from", "to", "staffId", "customerId", "status", "cursor", "limit", "other"),
          fc.oneof(
            fc.string({ maxLength: 30 }),
            fc.string({ unit: "grapheme", maxLength: 20 }),
            fc.integer().map(String),
            fc.constant("x".repeat(5000)),
          ),
          { maxKeys: 4 },
        ),
        async (query) => {
          const response = await call(appointments.GET, "GET", `/appointments?${new URLSearchParams(query)}`, { headers: staffKey });
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) expectClientProblem(response);
        },
      ),
      runs,
    );
  });
});
