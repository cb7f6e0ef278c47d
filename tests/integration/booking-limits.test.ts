import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { bookAppointment, cancelAppointment } from "@/lib/booking/mutations";
import { db } from "@/lib/db";
import { settingsFormValues } from "@/lib/salon/schema";
import { createBookingFixture, errorOf, NOW_2030, type BookingFixture } from "../support/booking-fixtures";
import { form, session } from "../support/session-mock";

/**
 * Slot squatting: one throwaway account must not be able to hold every slot to the horizon. A customer
 * booking for themselves (web or API key) is capped at the salon's "upcoming bookings per customer";
 * staff booking for them are not. Booking actions and the public availability endpoint are rate-limited
 * with the same fixed-window counters as the API.
 */

// Small limits for this file only (each test file loads its own modules, and env() reads once).
process.env.BOOKING_RATE_LIMIT_PER_MINUTE = "3";
process.env.AVAILABILITY_RATE_LIMIT_PER_MINUTE = "4";

vi.mock("next/navigation", async () => (await import("../support/next-navigation")).navigationMock);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/notifications/after-appointment-change", () => ({ afterAppointmentChange: vi.fn() }));
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionMock);
const { cancelAction } = await import("@/lib/customer-portal/actions");
const { updateSettingsAction } = await import("@/lib/dashboard/admin-actions");
const availability = await import("@/app/api/availability/route");

let f: BookingFixture;
const options = { now: NOW_2030 };
/** 10:00 on the day `day` days after Monday 2030-01-07 (London is on UTC in winter). */
const slot = (day: number) => ({
  staffId: f.ben,
  serviceId: f.cut,
  startsAt: new Date(Date.UTC(2030, 0, 7 + day, 10)),
  source: "WEB" as const,
});

beforeAll(async () => {
  f = await createBookingFixture({ bookingHorizonDays: 3650, maxFutureBookingsPerCustomer: 2 });
});

beforeEach(() => {
  session.user = null;
});

describe("upcoming bookings per customer", () => {
  it("refuses a customer's booking beyond the cap with BOOKING_LIMIT_REACHED; cancelling one makes room", async () => {
    const first = await bookAppointment(f.actors.alice, { ...slot(1), customerId: f.alice }, options);
    await bookAppointment(f.actors.aliceKey, { ...slot(2), customerId: f.alice, source: "API" }, options);

    const refused = await errorOf(bookAppointment(f.actors.alice, { ...slot(3), customerId: f.alice }, options));
    expect(refused).toMatchObject({ code: "BOOKING_LIMIT_REACHED", status: 409 });
    expect((refused as Error).message).toContain("2 upcoming appointments");
    // Through an API key it is the same customer, so the same cap.
    expect(await errorOf(bookAppointment(f.actors.aliceKey, { ...slot(3), customerId: f.alice, source: "API" }, options))).toMatchObject({
      code: "BOOKING_LIMIT_REACHED",
    });
    expect(await db.appointment.count({ where: { customerId: f.alice, status: "BOOKED" } })).toBe(2);

    await cancelAppointment(f.actors.alice, { appointmentId: first.id }, options);
    await expect(bookAppointment(f.actors.alice, { ...slot(3), customerId: f.alice }, options)).resolves.toMatchObject({
      status: "BOOKED",
    });
  });

  it("lets staff book for a customer past the cap (the salon's decision), and counts only upcoming BOOKED visits", async () => {
    await bookAppointment(f.actors.bob, { ...slot(8), customerId: f.bob }, options);
    await bookAppointment(f.actors.bob, { ...slot(9), customerId: f.bob }, options);
    await expect(bookAppointment(f.actors.staff, { ...slot(10), customerId: f.bob, source: "DASHBOARD" }, options)).resolves.toMatchObject({
      status: "BOOKED",
    });
    // Later, once those visits are in the past, the customer may book again.
    const later = { now: new Date("2030-02-01T08:00:00Z") };
    await expect(bookAppointment(f.actors.bob, { ...slot(29), customerId: f.bob }, later)).resolves.toMatchObject({ status: "BOOKED" });
  });

  it("is a salon setting an admin edits on the settings page", async () => {
    session.user = { id: f.admin, role: "ADMIN", name: "Ada", email: "ada@test.test", emailConfirmed: true };
    const settings = await db.salonSettings.findUniqueOrThrow({ where: { id: 1 } });
    const fields = settingsFormValues(settings);
    // The fixture's horizon is wider than the form allows; submit what an admin could.
    fields.bookingHorizonDays = "365";
    const saved = await updateSettingsAction({ status: "idle" }, form({ ...fields, maxFutureBookingsPerCustomer: "7" }));
    expect(saved, JSON.stringify(saved)).toMatchObject({ status: "success" });
    expect((await db.salonSettings.findUniqueOrThrow({ where: { id: 1 } })).maxFutureBookingsPerCustomer).toBe(7);
    expect(await updateSettingsAction({ status: "idle" }, form({ ...fields, maxFutureBookingsPerCustomer: "0" }))).toMatchObject({
      status: "error",
      fieldErrors: { maxFutureBookingsPerCustomer: expect.any(String) },
    });
    await db.salonSettings.update({ where: { id: 1 }, data: { maxFutureBookingsPerCustomer: 2, bookingHorizonDays: 3650 } });
  });
});

describe("rate limits", () => {
  // The windows are fixed minutes: a slow run whose requests straddle a minute would start a new count.
  beforeEach(() => vi.useFakeTimers({ toFake: ["Date"], now: new Date() }));
  afterEach(() => vi.useRealTimers());

  it("limits one customer's booking actions per minute", async () => {
    const customer = (await db.user.create({ data: { name: "Rita", email: `rita-${Date.now()}@test.test`, role: "CUSTOMER" } })).id;
    session.user = { id: customer, role: "CUSTOMER", name: "Rita", email: "rita@test.test", emailConfirmed: true };
    const attempt = () => cancelAction({ status: "idle" }, form({ appointmentId: "does-not-exist", version: "1" }));
    // Within the limit the action runs (and finds nothing); past it, it is refused before any work.
    for (let i = 0; i < 3; i++) expect(await attempt()).toMatchObject({ code: "NOT_FOUND" });
    expect(await attempt()).toMatchObject({
      status: "error",
      code: "RATE_LIMITED",
      message: expect.stringContaining("Too many booking changes"),
    });
  });

  it("limits the public availability endpoint per client IP with a 429 and Retry-After", async () => {
    const ask = (ip: string) =>
      availability.GET(
        Object.assign(
          new Request(`http://localhost/api/availability?serviceId=${f.cut}&staffId=${f.ben}&month=2030-01`, {
            headers: { "x-forwarded-for": ip },
          }),
          {
            nextUrl: new URL(`http://localhost/api/availability?serviceId=${f.cut}&staffId=${f.ben}&month=2030-01`),
          },
        ) as never,
      );
    for (let i = 0; i < 4; i++) expect((await ask("203.0.113.7")).status).toBe(200);
    const limited = await ask("203.0.113.7");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ code: "RATE_LIMITED" });
    // Another client is not affected.
    expect((await ask("198.51.100.2")).status).toBe(200);
  });
});
