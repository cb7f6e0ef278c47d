import { beforeAll, describe, expect, it } from "vitest";
import { getAppointment, listAppointments } from "@/lib/booking/data";
import { bookAppointment, cancelAppointment } from "@/lib/booking/mutations";
import { at, createBookingFixture, NOW_2030, type BookingFixture } from "../support/booking-fixtures";

/** Reading appointments: visibility per actor, filters, and stable keyset pages. */

let f: BookingFixture;
const ids: { alice: string[]; bob: string[] } = { alice: [], bob: [] };

beforeAll(async () => {
  f = await createBookingFixture();
  // Ten for Alice and five for Bob across two stylists; two at the same instant to exercise the id tie-break.
  for (let day = 0; day < 5; day++) {
    const date = `2030-01-${String(7 + day).padStart(2, "0")}`;
    for (const [customer, staffId, time] of [
      ["alice", f.amy, "10:00"],
      ["alice", f.ben, "10:00"],
      ["bob", f.amy, "15:00"],
    ] as const) {
      const view = await bookAppointment(
        f.actors.staff,
        { customerId: f[customer], serviceId: f.cut, staffId, startsAt: at(`${date}T${time}`), source: "DASHBOARD" },
        { now: NOW_2030 },
      );
      ids[customer].push(view.id);
    }
  }
  await cancelAppointment(f.actors.staff, { appointmentId: ids.bob[0]!, reason: "test" }, { now: NOW_2030 });
}, 120_000);

async function collect(actor: Parameters<typeof listAppointments>[0], filters: Parameters<typeof listAppointments>[1]) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const result = await listAppointments(actor, { ...filters, cursor });
    expect(result.items.length).toBeLessThanOrEqual(filters?.limit ?? 20);
    seen.push(...result.items.map((item) => item.id));
    if (!result.nextCursor) return seen;
    cursor = result.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("listAppointments", () => {
  it("pages through everything in (startsAt, id) order without gaps or repeats", async () => {
    const all = await collect(f.actors.staff, { limit: 4 });
    expect(all).toHaveLength(15);
    expect(new Set(all).size).toBe(15);
    const { items } = await listAppointments(f.actors.staff, { limit: 100 });
    const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : 1));
    expect(items.map((item) => item.id)).toEqual(sorted.map((item) => item.id));
    expect(all).toEqual(items.map((item) => item.id));
  });

  it("shows customers only their own appointments, whatever they filter by", async () => {
    expect((await collect(f.actors.alice, { limit: 3 })).sort()).toEqual([...ids.alice].sort());
    expect(await listAppointments(f.actors.alice, { customerId: f.bob })).toEqual({ items: [], nextCursor: null });
    expect((await listAppointments(f.actors.aliceKey, {})).items.every((item) => item.customerId === f.alice)).toBe(true);
  });

  it("filters by range, stylist, customer and status", async () => {
    const monday = await listAppointments(f.actors.staff, { from: at("2030-01-07T00:00"), to: at("2030-01-08T00:00") });
    expect(monday.items).toHaveLength(3);
    const bens = await listAppointments(f.actors.staff, { staffId: f.ben });
    expect(bens.items.every((item) => item.staffId === f.ben)).toBe(true);
    expect(bens.items).toHaveLength(5);
    const bobs = await listAppointments(f.actors.staff, { customerId: f.bob, status: "CANCELLED" });
    expect(bobs.items.map((item) => item.id)).toEqual([ids.bob[0]]);
  });

  it("caps the limit and rejects a malformed cursor", async () => {
    expect((await listAppointments(f.actors.staff, { limit: 1000 })).items).toHaveLength(15);
    expect((await listAppointments(f.actors.staff, {})).items).toHaveLength(15);
    await expect(listAppointments(f.actors.staff, { cursor: "garbage" })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("getAppointment", () => {
  it("returns the view to its customer and staff, NOT_FOUND to anyone else", async () => {
    const id = ids.bob[1]!;
    await expect(getAppointment(f.actors.bob, id)).resolves.toMatchObject({ id, customer: { id: f.bob, name: "Bob" } });
    await expect(getAppointment(f.actors.staff, id)).resolves.toMatchObject({ id });
    await expect(getAppointment({ kind: "system" }, id)).resolves.toMatchObject({ id });
    await expect(getAppointment(f.actors.alice, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getAppointment(f.actors.staff, "missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
