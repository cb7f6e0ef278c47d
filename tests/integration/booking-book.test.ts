import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bookAppointment } from "@/lib/booking/mutations";
import { AppError } from "@/lib/errors";
import { at, createBookingFixture, errorOf, NOW_2030, type BookingFixture } from "../support/booking-fixtures";

/** Booking one appointment: who may book, what is checked, and what is copied onto the row. */

let f: BookingFixture;
const now = { now: NOW_2030 };

beforeAll(async () => {
  f = await createBookingFixture();
});

const book = (overrides: Partial<Parameters<typeof bookAppointment>[1]> = {}) => ({
  customerId: f.alice,
  serviceId: f.cut,
  staffId: f.amy,
  startsAt: at("2030-01-07T10:00"),
  source: "WEB" as const,
  ...overrides,
});

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await errorOf(promise);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe("bookAppointment", () => {
  it("books a customer's own appointment with snapshots, blocked range, history and outbox", async () => {
    const view = await bookAppointment(f.actors.alice, book({ note: "  First visit  " }), now);
    expect(view).toMatchObject({
      status: "BOOKED",
      startsAt: at("2030-01-07T10:00"),
      endsAt: at("2030-01-07T11:00"),
      staffId: f.amy,
      staff: { id: f.amy, name: "Amy (stylist)" },
      customer: { id: f.alice, name: "Alice" },
      service: { id: f.cut, name: "cut" },
      note: "First visit",
      priceCents: 4500,
      currency: "GBP",
      durationMinutes: 60,
      source: "WEB",
      version: 1,
      cancelledAt: null,
    });
    const row = await db.appointment.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.blockedFrom).toEqual(at("2030-01-07T10:00"));
    expect(row.blockedUntil).toEqual(at("2030-01-07T11:10"));
    expect(row.bufferAfterMinutes).toBe(10);

    const events = await db.appointmentEvent.findMany({ where: { appointmentId: view.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "booked", actorKind: "CUSTOMER", actorId: f.alice });
    expect(events[0]!.changes).toMatchObject({ after: { startsAt: "2030-01-07T10:00:00.000Z", staffId: f.amy } });

    const outbox = await db.outboxEvent.findMany({ where: { appointmentId: view.id } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ type: "appointment.created", payload: { appointmentId: view.id, version: 1 } });
  });

  it("keeps the price snapshot when the service price changes later", async () => {
    const view = await bookAppointment(f.actors.alice, book({ startsAt: at("2030-01-08T10:00") }), now);
    await db.service.update({ where: { id: f.cut }, data: { priceCents: 9999, durationMinutes: 90 } });
    try {
      const row = await db.appointment.findUniqueOrThrow({ where: { id: view.id } });
      expect(row).toMatchObject({ priceCents: 4500, durationMinutes: 60 });
    } finally {
      await db.service.update({ where: { id: f.cut }, data: { priceCents: 4500, durationMinutes: 60 } });
    }
  });

  it("refuses a customer booking for someone else, and any override by a customer", async () => {
    await expectCode(bookAppointment(f.actors.alice, book({ customerId: f.bob }), now), "FORBIDDEN");
    await expectCode(bookAppointment(f.actors.alice, book({ overrideAvailability: true }), now), "FORBIDDEN");
  });

  it("refuses unknown, inactive or unperformed services and stylists", async () => {
    await expectCode(bookAppointment(f.actors.alice, book({ serviceId: "missing" }), now), "NOT_FOUND");
    await expectCode(bookAppointment(f.actors.alice, book({ serviceId: f.retired }), now), "VALIDATION");
    await expectCode(bookAppointment(f.actors.alice, book({ staffId: "missing" }), now), "NOT_FOUND");
    await expectCode(bookAppointment(f.actors.alice, book({ staffId: f.inactive }), now), "VALIDATION");
    await expectCode(bookAppointment(f.actors.alice, book({ serviceId: f.colour }), now), "VALIDATION");
    await expectCode(bookAppointment(f.actors.staff, book({ customerId: "missing" }), now), "NOT_FOUND");
  });

  it("validates input and rejects unknown fields", async () => {
    const error = await expectCode(
      bookAppointment(f.actors.alice, { ...book(), extra: 1 } as unknown as Parameters<typeof bookAppointment>[1], now),
      "VALIDATION",
    );
    expect(error.fieldErrors.length).toBeGreaterThan(0);
    await expectCode(bookAppointment(f.actors.alice, book({ note: "x".repeat(1001) }), now), "VALIDATION");
  });

  it("names the rule a requested time breaks, with what would be valid (422, not the 409 of a race)", async () => {
    const refusal = async (startsAt: Date) => {
      const error = await bookAppointment(f.actors.alice, book({ startsAt }), now).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      return error as AppError;
    };
    expect(await refusal(at("2029-12-31T10:00"))).toMatchObject({ code: "SLOT_IN_PAST", status: 422 });
    const notice = await refusal(at("2030-01-01T09:00"));
    expect(notice).toMatchObject({ code: "BEFORE_MINIMUM_NOTICE", status: 422 });
    expect(notice.message).toContain("120 minutes' notice: the earliest bookable start is 2030-01-01T10:00:00.000Z");
    const horizon = await refusal(at("2030-06-03T10:00"));
    expect(horizon).toMatchObject({ code: "BEYOND_HORIZON", status: 422 });
    expect(horizon.message).toContain("60 days ahead: start before 2030-03-02T08:00:00.000Z");
    const grid = await refusal(at("2030-01-07T14:05"));
    expect(grid).toMatchObject({ code: "OFF_SLOT_GRID", status: 422 });
    expect(grid.message).toContain("every 15 minutes");
    expect(grid.message).toContain("2030-01-07T14:00:00.000Z");
    expect(grid.fieldErrors[0]?.path).toBe("startsAt");
    for (const closed of ["2030-01-07T08:00", "2030-01-07T12:30", "2030-01-13T10:00"]) {
      expect(await refusal(at(closed)), closed).toMatchObject({ code: "OUTSIDE_WORKING_HOURS", status: 422 });
    }
  });

  it("lets staff override hours and notice, but never an overlap", async () => {
    const sunday = await bookAppointment(
      f.actors.staff,
      book({ startsAt: at("2030-01-13T10:00"), overrideAvailability: true, source: "DASHBOARD" }),
      now,
    );
    expect(sunday.status).toBe("BOOKED");
    const events = await db.appointmentEvent.findMany({ where: { appointmentId: sunday.id } });
    expect(events[0]).toMatchObject({ actorKind: "STAFF", actorId: f.ben });
    await expectCode(
      bookAppointment(f.actors.staff, book({ customerId: f.bob, startsAt: at("2030-01-13T10:30"), overrideAvailability: true }), now),
      "SLOT_UNAVAILABLE",
    );
    await expectCode(bookAppointment(f.actors.staff, book({ staffId: null, overrideAvailability: true }), now), "VALIDATION");
  });

  it("records an API-key booking with the key as the actor", async () => {
    const view = await bookAppointment(f.actors.aliceKey, book({ startsAt: at("2030-01-09T15:00"), source: "API" }), now);
    const [event] = await db.appointmentEvent.findMany({ where: { appointmentId: view.id } });
    expect(event).toMatchObject({ actorKind: "API_KEY", actorId: (f.actors.aliceKey as { apiKeyId: string }).apiKeyId });
  });

  it("accepts ISO strings with an offset", async () => {
    const view = await bookAppointment(f.actors.alice, book({ startsAt: "2030-01-10T11:00:00+01:00" as unknown as Date }), now);
    expect(view.startsAt).toEqual(at("2030-01-10T10:00"));
  });
});
