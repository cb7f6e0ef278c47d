import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { at, createBookableSalon, createKey, createUser } from "@/tests/support/api-fixtures";
import { dispatch } from "@/tests/support/api-router";
import { apiRequest, idempotentBurst, slotRace, type RaceApi } from "@/tests/support/booking-race";

/**
 * Concurrency, in-process: the route handlers are called in parallel against this file's test database
 * (PGlite, or PostgreSQL with TEST_DATABASE_URL). The same scenario against `next start` on PostgreSQL
 * is `npm run test:api-concurrency` (scripts/api-concurrency.ts); on the database `npm run dev` serves,
 * dev-database-race. Either way the guarantees come from the database: the exclusion constraint (one
 * booking per slot) and the unique index on (apiKeyId, Idempotency-Key), not from anything in this process.
 */

process.env.API_RATE_LIMIT_PER_MINUTE = "10000";

let serviceId: string, stylistId: string, customerId: string;
let api: RaceApi;

beforeAll(async () => {
  ({ serviceId, stylistId, customerId } = await createBookableSalon());
  api = { baseUrl: "http://localhost", key: (await createKey((await createUser("FRONT_DESK")).id)).key, send: dispatch };
});

describe("parallel POST /appointments", () => {
  it("100 parallel bookings of one slot → exactly 1 × 201 and 99 × 409 problem+json, no 5xx", async () => {
    const body = { serviceId, staffId: stylistId, customerId, startsAt: at(30, 10) };
    const responses = await slotRace(api, body, 100);
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    const conflicts = responses.filter((r) => r.status === 409);
    expect(conflicts).toHaveLength(99);
    for (const conflict of conflicts) {
      expect(conflict.contentType).toBe("application/problem+json");
      expect(conflict.body.code).toBe("SLOT_UNAVAILABLE");
    }
    expect(await db.appointment.count({ where: { startsAt: new Date(body.startsAt), status: "BOOKED" } })).toBe(1);
  }, 120_000);

  it("20 parallel POSTs sharing one Idempotency-Key → 1 appointment; others replay or see 409", async () => {
    const body = { serviceId, staffId: stylistId, customerId, startsAt: at(31, 10) };
    const responses = await idempotentBurst(api, body, "burst-1", 20);
    const statuses = responses.map((r) => r.status);
    expect(
      statuses.every((s) => s === 201 || s === 409),
      statuses.join(","),
    ).toBe(true);
    const created = responses.filter((r) => r.status === 201);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    for (const r of responses.filter((r) => r.status === 409)) expect(r.body.code).toBe("IDEMPOTENCY_IN_FLIGHT");
    expect(await db.appointment.count({ where: { startsAt: new Date(body.startsAt) } })).toBe(1);
    // Once the first has finished, a retry replays it.
    const retry = await apiRequest(api, "POST", "/appointments", { body, headers: { "idempotency-key": "burst-1" } });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(created[0]!.body.id);
  }, 60_000);
});
