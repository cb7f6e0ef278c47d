import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import type { SessionUser } from "@/lib/auth/session";
import type { MonthAvailabilityJson } from "@/lib/customer-portal/availability-request";
import { bookVisit } from "@/lib/visits/mutations";
import { at, createBookingFixture, type BookingFixture } from "../support/booking-fixtures";

/**
 * The booking page's times for a visit: several `serviceId`s ask the visit engine, each time carrying
 * who does each service when; a visit being moved (`visitId`) keeps its services and stylists, frees
 * only its own time, and is answered only to someone who may see it.
 */

let sessionUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => sessionUser,
  actorOf: (user: SessionUser) => ({ kind: "user", userId: user.id, role: user.role }),
}));
const { GET } = await import("@/app/api/availability/route");

let f: BookingFixture;
let visitId: string;
const VISIT_START = at("2030-01-15T10:00"); // a Tuesday

const as = (id: string): SessionUser => ({ id, name: "Test", email: `${id}@test.test`, role: "CUSTOMER", emailConfirmed: true });

async function month(params: URLSearchParams): Promise<{ status: number; body: MonthAvailabilityJson }> {
  params.set("month", "2030-01");
  const response = await GET(new NextRequest(`http://localhost/api/availability?${params.toString()}`));
  return { status: response.status, body: (await response.json()) as MonthAvailabilityJson };
}

beforeAll(async () => {
  // A wide horizon: the route computes availability from today's real date.
  f = await createBookingFixture({ bookingHorizonDays: 3650 });
  const visit = await bookVisit(systemActor, {
    customerId: f.alice,
    startsAt: VISIT_START,
    items: [
      { serviceId: f.cut, staffId: f.ben },
      { serviceId: f.massage, staffId: f.ben },
    ],
    source: "WEB",
  });
  visitId = visit.id;
}, 120_000);

beforeEach(() => {
  sessionUser = null;
});

describe("GET /api/availability for a visit", () => {
  it("offers times at which both services fit back to back, naming each one's stylist", async () => {
    const params = new URLSearchParams([
      ["serviceId", f.cut],
      ["serviceId", f.massage],
      ["staffId", "any"],
    ]);
    const { status, body } = await month(params);
    expect(status).toBe(200);
    expect(body.slots.length).toBeGreaterThan(0);
    for (const slot of body.slots.slice(0, 50)) {
      const [first, second] = slot.segments!;
      expect([first!.serviceId, second!.serviceId]).toEqual([f.cut, f.massage]);
      expect(new Date(second!.startsAt).getTime()).toBeGreaterThanOrEqual(new Date(first!.endsAt).getTime());
      expect(slot.startsAt).toBe(first!.startsAt);
    }
  });

  it("frees the moved visit's own time for its owner, keeping its stylist for every service", async () => {
    sessionUser = as(f.alice);
    const { status, body } = await month(new URLSearchParams({ visitId }));
    expect(status).toBe(200);
    const later = body.slots.find((slot) => new Date(slot.startsAt).getTime() === VISIT_START.getTime() + 15 * 60_000);
    expect(later?.segments?.map((segment) => segment.staffId)).toEqual([f.ben, f.ben]);
  });

  it("answers 404 for another customer's visit, and for a guest, exactly like a missing one", async () => {
    sessionUser = as(f.bob);
    const foreign = await month(new URLSearchParams({ visitId }));
    const missing = await month(new URLSearchParams({ visitId: "no-such-visit" }));
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    sessionUser = null;
    expect((await month(new URLSearchParams({ visitId }))).status).toBe(404);
  });
});
