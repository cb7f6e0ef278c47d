import { beforeAll, describe, expect, it } from "vitest";
import * as appointmentItem from "@/app/api/v1/appointments/[id]/route";
import * as appointments from "@/app/api/v1/appointments/route";
import * as customers from "@/app/api/v1/customers/route";
import * as serviceItem from "@/app/api/v1/services/[id]/route";
import * as services from "@/app/api/v1/services/route";
import { db } from "@/lib/db";
import { call } from "@/tests/support/api-client";
import { at, createBookableSalon, createKey, createService, createUser } from "@/tests/support/api-fixtures";

/** A partner syncs by `updatedSince` instead of re-reading whole date ranges. */

type Auth = Record<string, string>;
let auth: Auth;
let serviceId: string, stylistId: string, customerId: string;

beforeAll(async () => {
  ({ serviceId, stylistId, customerId } = await createBookableSalon());
  auth = (await createKey((await createUser("ADMIN")).id)).auth;
});

async function pages(handler: typeof appointments.GET, path: string, query: string) {
  const seen: Array<{ id: string; updatedAt: string; status?: string }> = [];
  let cursor: string | null = null;
  do {
    const response = await call(handler, "GET", `${path}?${query}&limit=2${cursor ? `&cursor=${cursor}` : ""}`, { headers: auth });
    expect(response.status).toBe(200);
    seen.push(...response.body.items);
    cursor = response.body.nextCursor;
  } while (cursor);
  return seen;
}

const since = (instant: string) => `updatedSince=${encodeURIComponent(instant)}`;

describe("updatedSince", () => {
  it("pages appointments by last change, cancelled ones included, and the next sync sees only what changed", async () => {
    const start = new Date().toISOString();
    const ids: string[] = [];
    for (const hour of [9, 11, 13]) {
      const body = { serviceId, staffId: stylistId, customerId, startsAt: at(40, hour) };
      ids.push((await call(appointments.POST, "POST", "/appointments", { headers: auth, body })).body.id);
    }
    // The first-booked one changes last.
    const cancelled = await call(appointmentItem.DELETE, "DELETE", `/appointments/${ids[0]}`, {
      headers: { ...auth, "if-match": '"1"' },
      body: { reason: "Client called" },
      params: { id: ids[0]! },
    });
    expect(cancelled.status).toBe(200);

    const synced = await pages(appointments.GET, "/appointments", since(start));
    expect(synced.map((a) => a.id)).toEqual([ids[1], ids[2], ids[0]]);
    expect(synced.at(-1)?.status).toBe("CANCELLED");
    const updatedAts = synced.map((a) => Date.parse(a.updatedAt));
    expect([...updatedAts].sort((a, b) => a - b)).toEqual(updatedAts);

    const newest = synced.at(-1)!.updatedAt;
    await db.appointment.update({ where: { id: ids[1] }, data: { customerNote: "Moved to the window seat" } });
    const next = await pages(appointments.GET, "/appointments", since(new Date(Date.parse(newest) + 1).toISOString()));
    expect(next.map((a) => a.id)).toEqual([ids[1]]);
  });

  it("includes deactivated services, and customers changed since then", async () => {
    const start = new Date().toISOString();
    const extra = await createService();
    const etag = (await call(serviceItem.GET, "GET", `/services/${extra.id}`, { headers: auth, params: { id: extra.id } })).headers.get(
      "etag",
    )!;
    await call(serviceItem.DELETE, "DELETE", `/services/${extra.id}`, { headers: { ...auth, "if-match": etag }, params: { id: extra.id } });
    const changedServices = await pages(services.GET, "/services", since(start));
    expect(changedServices.map((s) => s.id)).toEqual([extra.id]);

    const customer = await call(customers.POST, "POST", "/customers", {
      headers: auth,
      body: { name: "Sync Me", email: "sync@example.test" },
    });
    const changedCustomers = await pages(customers.GET, "/customers", since(start));
    expect(changedCustomers.map((c) => c.id)).toEqual([customer.body.id]);
  });

  it("refuses a cursor from another ordering", async () => {
    const plain = await call(appointments.GET, "GET", "/appointments?limit=1", { headers: auth });
    const mixed = await call(appointments.GET, "GET", `/appointments?${since(at(-1, 0))}&cursor=${plain.body.nextCursor}`, {
      headers: auth,
    });
    expect(mixed.status).toBe(422);
    expect(mixed.body.errors[0].path).toBe("cursor");
  });
});
