import { beforeAll, describe, expect, it, vi } from "vitest";
import * as appointments from "@/app/api/v1/appointments/route";
import { claimIdempotencyKey } from "@/lib/api/idempotency/mutations";
import { db } from "@/lib/db";
import { call } from "@/tests/support/api-client";
import { at, createBookableSalon, createKey } from "@/tests/support/api-fixtures";

/**
 * A client that sends an Idempotency-Key expects a retry to get the first request's answer, even when
 * the server died in between. Two deaths are simulated: after the booking committed (nothing after the
 * commit runs: no answer, no clean-up), and before anything committed (the claim is left behind).
 */

let dying = false;
class ProcessDied extends Error {}

// After the commit the route hands the change to notifications: a death there means nothing else of
// the request runs — in particular it cannot release or complete its idempotency claim.
vi.mock("@/lib/notifications/after-appointment-change", () => ({
  afterAppointmentChange: () => {
    if (dying) throw new ProcessDied("killed after commit");
  },
}));
vi.mock("@/lib/api/idempotency/mutations", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/api/idempotency/mutations")>();
  return {
    ...original,
    releaseIdempotencyRecord: async (id: string) => (dying ? undefined : original.releaseIdempotencyRecord(id)),
    completeIdempotencyRecord: async (...args: Parameters<typeof original.completeIdempotencyRecord>) =>
      // Outside the booking's transaction nothing runs after the death; inside it, the commit already happened.
      dying && args[2] === undefined ? false : original.completeIdempotencyRecord(...args),
  };
});

let serviceId: string, stylistId: string, customerId: string;
let nextDay = 40;

beforeAll(async () => {
  ({ serviceId, stylistId, customerId } = await createBookableSalon());
});

describe("Idempotency-Key after a crash", () => {
  it("a retry after the server died between commit and answer gets the stored 201, and one appointment exists", async () => {
    const key = await createKey(customerId);
    const headers = { ...key.auth, "idempotency-key": "crash-after-commit" };
    const body = { serviceId, staffId: stylistId, startsAt: at(nextDay++, 11) };

    dying = true;
    // The client sees the connection fail (here: the wrapper's 500); the booking has committed.
    expect((await call(appointments.POST, "POST", "/appointments", { headers, body })).status).toBe(500);
    dying = false;

    const retry = await call(appointments.POST, "POST", "/appointments", { headers, body });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    const booked = await db.appointment.findMany({ where: { startsAt: new Date(body.startsAt), staffId: stylistId } });
    expect(booked).toHaveLength(1);
    expect(retry.body.id).toBe(booked[0]!.id);
  });

  it("a claim left by a request that died before committing is taken over once its lease is over", async () => {
    const key = await createKey(customerId);
    const headers = { ...key.auth, "idempotency-key": "crash-before-commit" };
    const body = { serviceId, staffId: stylistId, startsAt: at(nextDay++, 11) };
    const { requestHash } = await import("@/lib/api/idempotency/idempotency");
    const hash = requestHash(new Request("http://localhost/api/v1/appointments", { method: "POST" }), JSON.stringify(body));
    // The dead request claimed the key and never got further.
    const claim = await claimIdempotencyKey(key.id, "crash-before-commit", hash, new Date(Date.now() + 86_400_000), 60);
    expect(claim.claimed).toBe(true);

    // While the lease lasts, the key is in flight (the first request might still be running).
    expect((await call(appointments.POST, "POST", "/appointments", { headers, body })).status).toBe(409);

    await db.idempotencyRecord.updateMany({ where: { apiKeyId: key.id }, data: { createdAt: new Date(Date.now() - 120_000) } });
    const retry = await call(appointments.POST, "POST", "/appointments", { headers, body });
    expect(retry.status).toBe(201);
    expect(await db.appointment.count({ where: { startsAt: new Date(body.startsAt), staffId: stylistId } })).toBe(1);
    const replay = await call(appointments.POST, "POST", "/appointments", { headers, body });
    expect(replay).toMatchObject({ status: 201, body: { id: retry.body.id } });
  });
});
