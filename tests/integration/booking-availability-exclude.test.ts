import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getAvailability } from "@/lib/booking/data";
import { bookAppointment } from "@/lib/booking/mutations";
import type { MonthAvailabilityJson } from "@/lib/customer-portal/availability-request";
import { at, createBookingFixture, NOW_2030, type BookingFixture } from "../support/booking-fixtures";
import { captureQueries } from "../support/logged-queries";

/**
 * Rescheduling asks for availability without the appointment being moved, so a small shift (15 minutes
 * later, overlapping its own current slot) is offered. The core honours the exclusion within its one-query
 * budget; the public route honours it only for the appointment's owner or staff, since freeing someone
 * else's slot would reveal when they are booked.
 */

// Counts what getAvailability sends: installed before `db` is first used.
const queries = captureQueries();

let sessionUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => sessionUser,
  actorOf: (user: SessionUser) => ({ kind: "user", userId: user.id, role: user.role }),
}));
const { GET } = await import("@/app/api/availability/route");

let f: BookingFixture;
let appointmentId: string;
const START = at("2030-01-15T10:00"); // a Tuesday; Ben works 09:00–17:00
const SHIFTED = at("2030-01-15T10:15");
const day = { from: at("2030-01-15T00:00"), to: at("2030-01-16T00:00") };
const offers = (slots: Array<{ startsAt: Date | string }>, when: Date) =>
  slots.some((slot) => new Date(slot.startsAt).getTime() === when.getTime());

beforeAll(async () => {
  // A wide horizon: the route computes availability from today's real date.
  f = await createBookingFixture({ bookingHorizonDays: 3650 });
  const booked = await bookAppointment(
    f.actors.alice,
    { customerId: f.alice, serviceId: f.cut, staffId: f.ben, startsAt: START, source: "WEB" },
    { now: NOW_2030 },
  );
  appointmentId = booked.id;
}, 120_000);

beforeEach(() => {
  sessionUser = null;
  queries.length = 0;
});

describe("getAvailability with excludeAppointmentId", () => {
  it("offers a 15-minute shift of the appointment only when it is excluded, in one query", async () => {
    const query = { serviceId: f.cut, staffId: f.ben, ...day };
    const without = await getAvailability(query, NOW_2030);
    expect(offers(without.slots, SHIFTED)).toBe(false);
    expect(offers(without.slots, START)).toBe(false);

    queries.length = 0;
    const withExclusion = await getAvailability({ ...query, excludeAppointmentId: appointmentId }, NOW_2030);
    expect(queries).toHaveLength(1);
    expect(offers(withExclusion.slots, SHIFTED)).toBe(true);
    expect(offers(withExclusion.slots, START)).toBe(true);
  });

  it("still treats every other booked appointment as busy", async () => {
    const other = await bookAppointment(
      f.actors.bob,
      { customerId: f.bob, serviceId: f.cut, staffId: f.ben, startsAt: at("2030-01-15T14:00"), source: "WEB" },
      { now: NOW_2030 },
    );
    const { slots } = await getAvailability({ serviceId: f.cut, staffId: f.ben, ...day, excludeAppointmentId: appointmentId }, NOW_2030);
    expect(offers(slots, other.startsAt)).toBe(false);
    expect(offers(slots, at("2030-01-15T14:15"))).toBe(false);
  });
});

describe("GET /api/availability with excludeAppointmentId", () => {
  const as = (id: string, role: SessionUser["role"] = "CUSTOMER"): SessionUser => ({
    id,
    name: "Test",
    email: `${id}@test.test`,
    role,
    emailConfirmed: true,
  });
  const request = (exclude?: string) => {
    const params = new URLSearchParams({ serviceId: f.cut, staffId: f.ben, month: "2030-01" });
    if (exclude) params.set("excludeAppointmentId", exclude);
    return GET(new NextRequest(`http://localhost/api/availability?${params.toString()}`));
  };

  it("honours the owner's own appointment", async () => {
    sessionUser = as(f.alice);
    const response = await request(appointmentId);
    expect(response.status).toBe(200);
    const body = (await response.json()) as MonthAvailabilityJson;
    expect(offers(body.slots, SHIFTED)).toBe(true);
  });

  it("honours it for staff", async () => {
    sessionUser = as(f.ben, "FRONT_DESK");
    const response = await request(appointmentId);
    expect(response.status).toBe(200);
    expect(offers(((await response.json()) as MonthAvailabilityJson).slots, SHIFTED)).toBe(true);
  });

  it("answers 404 for another customer's appointment, and for a guest, exactly like a missing id", async () => {
    sessionUser = as(f.bob);
    const foreign = await request(appointmentId);
    expect(foreign.status).toBe(404);
    const missing = await request("no-such-appointment");
    expect(missing.status).toBe(404);
    expect(await foreign.json()).toEqual(await missing.json());

    sessionUser = null;
    expect((await request(appointmentId)).status).toBe(404);
  });

  it("without the parameter, the slot stays busy for everyone", async () => {
    sessionUser = as(f.alice);
    const response = await request();
    expect(response.status).toBe(200);
    expect(offers(((await response.json()) as MonthAvailabilityJson).slots, SHIFTED)).toBe(false);
  });
});
