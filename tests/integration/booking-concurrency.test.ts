import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isExclusionViolation } from "@/lib/db-errors";
import { bookAppointment, rescheduleAppointment } from "@/lib/booking/mutations";
import { AppError } from "@/lib/errors";
import { at, countOverlappingBooked, createBookingFixture, NOW_2030, type BookingFixture } from "../support/booking-fixtures";

/**
 * Races. The embedded PGlite multiplexes one connection, so its transactions serialize and the losers of
 * a race are caught by the availability check; on PostgreSQL (CI) they run truly concurrently and the
 * losers are caught by the exclusion constraint. The override variant skips the application check
 * entirely, so there the constraint is the only guard on either database.
 */

let f: BookingFixture;
const now = { now: NOW_2030 };

beforeAll(async () => {
  f = await createBookingFixture();
});

type Outcome = { ok: number; codes: Record<string, number>; other: unknown[] };

async function race(calls: Array<() => Promise<unknown>>): Promise<Outcome> {
  const results = await Promise.allSettled(calls.map((call) => call()));
  const outcome: Outcome = { ok: 0, codes: {}, other: [] };
  for (const result of results) {
    if (result.status === "fulfilled") outcome.ok++;
    else if (result.reason instanceof AppError) outcome.codes[result.reason.code] = (outcome.codes[result.reason.code] ?? 0) + 1;
    else outcome.other.push(result.reason);
  }
  return outcome;
}

const bookAmy =
  (startsAt: Date, overrides: Record<string, unknown> = {}) =>
  () =>
    bookAppointment(
      f.actors.staff,
      { customerId: f.alice, serviceId: f.cut, staffId: f.amy, startsAt, source: "DASHBOARD", ...overrides },
      now,
    );

describe("concurrent bookings", () => {
  it("50 concurrent bookings of one stylist and slot: exactly 1 succeeds, 49 get SLOT_UNAVAILABLE", async () => {
    const outcome = await race(Array.from({ length: 50 }, () => bookAmy(at("2030-01-07T10:00"))));
    expect(outcome.other).toEqual([]);
    expect(outcome).toMatchObject({ ok: 1, codes: { SLOT_UNAVAILABLE: 49 } });
    expect(await db.appointment.count({ where: { staffId: f.amy, startsAt: at("2030-01-07T10:00") } })).toBe(1);
  }, 120_000);

  it("50 concurrent overriding bookings (no application check): the constraint lets exactly 1 through", async () => {
    const outcome = await race(Array.from({ length: 50 }, () => bookAmy(at("2030-01-13T10:00"), { overrideAvailability: true })));
    expect(outcome.other).toEqual([]);
    expect(outcome).toMatchObject({ ok: 1, codes: { SLOT_UNAVAILABLE: 49 } });
  }, 120_000);

  it("overlapping but different times: only one of them is booked", async () => {
    // Every pair overlaps: the cut blocks 70 minutes and these starts lie within 60 minutes of each other.
    // (09:15 and 10:45 would not overlap each other, so on PostgreSQL both could legitimately win.)
    const starts = ["10:00", "10:15", "10:30", "09:45", "09:30"].map((time) => at(`2030-01-08T${time}`));
    const outcome = await race(starts.map((startsAt) => bookAmy(startsAt)));
    expect(outcome).toMatchObject({ ok: 1, codes: { SLOT_UNAVAILABLE: 4 } });
    const overriding = await race(
      ["15:00", "15:20", "15:40"].map((time) => bookAmy(at(`2030-01-09T${time}`), { overrideAvailability: true })),
    );
    expect(overriding).toMatchObject({ ok: 1, codes: { SLOT_UNAVAILABLE: 2 } });
  }, 60_000);

  it("back-to-back slots (buffer respected) both succeed", async () => {
    // The cut blocks 60 minutes + 10 minutes after, so 10:00 and 11:10 touch without overlapping.
    const outcome = await race([bookAmy(at("2030-01-10T10:00")), bookAmy(at("2030-01-10T11:15"))]);
    expect(outcome).toMatchObject({ ok: 2, codes: {} });
    const tight = await race([
      bookAmy(at("2030-01-11T10:00"), { overrideAvailability: true }),
      bookAmy(at("2030-01-11T11:10"), { overrideAvailability: true }),
    ]);
    expect(tight).toMatchObject({ ok: 2, codes: {} });
  }, 60_000);

  it("the buffer after an appointment blocks the next start", async () => {
    await expect(bookAmy(at("2030-01-12T12:15"), { overrideAvailability: true })()).resolves.toBeDefined();
    // 12:15 + 60 min + 10 min buffer = 13:25 > 13:20.
    await expect(bookAmy(at("2030-01-12T13:20"), { overrideAvailability: true })()).rejects.toMatchObject({
      code: "SLOT_UNAVAILABLE",
    });
    // A massage at 13:25 starts as the cut's buffer ends, but its own 5-minute buffer before overlaps it.
    await expect(bookAmy(at("2030-01-12T13:25"), { overrideAvailability: true, serviceId: f.massage })()).rejects.toMatchObject({
      code: "SLOT_UNAVAILABLE",
    });
    await expect(
      bookAmy(at("2030-01-12T13:25"), { overrideAvailability: true, serviceId: f.massage, staffId: f.ben })(),
    ).resolves.toBeDefined();
  });

  it("leaves 0 overlapping BOOKED appointments in the table", async () => {
    expect(await countOverlappingBooked()).toBe(0);
  });

  it("an exclusion violation inside an interactive transaction still carries SQLSTATE 23P01", async () => {
    const existing = await db.appointment.findFirstOrThrow({ where: { staffId: f.amy, status: "BOOKED" } });
    const { id: _id, createdAt: _c, updatedAt: _u, ...copy } = existing;
    const error = await db
      .$transaction(async (tx) => {
        await tx.appointment.create({ data: { ...copy, customerNote: "duplicate" } });
      })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(error).toBeDefined();
    expect(isExclusionViolation(error)).toBe(true);
    expect(error).toMatchObject({ meta: { driverAdapterError: { cause: { originalCode: "23P01" } } } });
  });
});

describe("concurrent reschedules of one appointment", () => {
  it("one wins, the other gets VERSION_CONFLICT", async () => {
    const booked = await bookAmy(at("2030-01-14T10:00"))();
    const outcome = await race([
      () => rescheduleAppointment(f.actors.staff, { appointmentId: booked.id, expectedVersion: 1, startsAt: at("2030-01-14T14:00") }, now),
      () => rescheduleAppointment(f.actors.staff, { appointmentId: booked.id, expectedVersion: 1, startsAt: at("2030-01-14T15:00") }, now),
    ]);
    expect(outcome).toMatchObject({ ok: 1, codes: { VERSION_CONFLICT: 1 } });
    const row = await db.appointment.findUniqueOrThrow({ where: { id: booked.id } });
    expect(row.version).toBe(2);
    expect(await db.appointmentEvent.count({ where: { appointmentId: booked.id, action: "rescheduled" } })).toBe(1);
    expect(await db.outboxEvent.count({ where: { appointmentId: booked.id, type: "appointment.rescheduled" } })).toBe(1);
  });

  it("without expectedVersion, the version guard still refuses a write based on a stale read", async () => {
    const booked = await bookAmy(at("2030-01-15T10:00"))();
    const outcome = await race(
      ["14:00", "14:30", "15:00", "15:30", "15:45"].map(
        (time) => () => rescheduleAppointment(f.actors.staff, { appointmentId: booked.id, startsAt: at(`2030-01-15T${time}`) }, now),
      ),
    );
    // Serialized (PGlite) all five apply one after another; truly concurrent (PostgreSQL) the stale ones
    // conflict. Either way each success bumped the version exactly once.
    expect(outcome.other).toEqual([]);
    const row = await db.appointment.findUniqueOrThrow({ where: { id: booked.id } });
    expect(row.version).toBe(1 + outcome.ok);
    expect(outcome.ok + (outcome.codes.VERSION_CONFLICT ?? 0)).toBe(5);
    expect(await countOverlappingBooked()).toBe(0);
  });
});
