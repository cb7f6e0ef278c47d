import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as customerAvailability from "@/app/api/availability/route";
import * as appointments from "@/app/api/v1/appointments/route";
import * as availability from "@/app/api/v1/availability/route";
import { FIRST_BOOKABLE_YEAR, LAST_BOOKABLE_YEAR } from "@/lib/time/bookable-range";
import { call } from "@/tests/support/api-client";
import { createBookableSalon, createKey, createUser } from "@/tests/support/api-fixtures";

// The booking page's route reads the session (signed out here) only to decide on excludeAppointmentId.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionMock);

/**
 * Every date-taking input, over the whole range of years an ISO string can write: never a 5xx, and a
 * year the salon's calendar cannot hold is a 422 naming the field.
 */

let auth: Record<string, string>;
let serviceId: string, staffId: string, customerId: string;

beforeAll(async () => {
  ({ serviceId, stylistId: staffId, customerId } = await createBookableSalon());
  // High enough for every generated request of this file.
  process.env.API_RATE_LIMIT_PER_MINUTE = "100000";
  auth = (await createKey((await createUser("ADMIN")).id)).auth;
});

const year = fc.integer({ min: 0, max: 9999 });
const instantIn = (y: number) => `${String(y).padStart(4, "0")}-06-15T10:00:00Z`;
const outOfRange = (y: number) => y < FIRST_BOOKABLE_YEAR || y > LAST_BOOKABLE_YEAR;
const runs = { numRuns: 40 };

/** Never a 5xx; for a year outside the calendar, a 422 whose field errors name `field`. */
function expectRefusal(y: number, field: string, response: { status: number; body: { errors?: Array<{ path: string }> } }) {
  expect(response.status).toBeLessThan(500);
  if (!outOfRange(y)) return;
  expect(response.status).toBe(422);
  expect(response.body.errors?.map((e) => e.path)).toContain(field);
}

describe("instants outside the salon's calendar", () => {
  it("POST /appointments: 422 naming startsAt, never a 5xx", async () => {
    const property = fc.asyncProperty(year, async (y) => {
      const body = { serviceId, staffId, customerId, startsAt: instantIn(y) };
      expectRefusal(y, "startsAt", await call(appointments.POST, "POST", "/appointments", { headers: auth, body }));
    });
    await fc.assert(property, runs);
  });

  it("GET /availability: 422 naming from, never a 5xx", async () => {
    const property = fc.asyncProperty(year, fc.integer({ min: 0, max: 40 }), async (y, days) => {
      const from = instantIn(y);
      const to = new Date(Date.parse(from) + days * 86_400_000).toISOString();
      const query = `?serviceId=${serviceId}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
      expectRefusal(y, "from", await call(availability.GET, "GET", `/availability${query}`, { headers: auth }));
    });
    await fc.assert(property, runs);
  });

  it("the booking page's GET /api/availability?month=: 422 naming month, never a 5xx", async () => {
    const property = fc.asyncProperty(year, fc.integer({ min: 1, max: 12 }), async (y, m) => {
      const month = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
      const response = await customerAvailability.GET(
        new Request(`http://localhost/api/availability?serviceId=${serviceId}&month=${month}`),
      );
      expectRefusal(y, "month", { status: response.status, body: (await response.json()) as { errors?: Array<{ path: string }> } });
    });
    await fc.assert(property, runs);
  });

  it("says an offset is required when a datetime has none", async () => {
    const body = { serviceId, staffId, customerId, startsAt: "2030-01-07T10:00:00" };
    const response = await call(appointments.POST, "POST", "/appointments", { headers: auth, body });
    expect(response.status).toBe(422);
    expect(response.body.detail).toContain("with an offset");
  });
});
