import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bookAppointment, cancelAppointment } from "@/lib/booking/mutations";
import { AppError } from "@/lib/errors";
import { listCalendarAppointments } from "@/lib/dashboard/data";
import { getVisit, getVisitAvailability } from "@/lib/visits/data";
import { bookVisit, cancelVisit, rescheduleVisit } from "@/lib/visits/mutations";
import { at, countOverlappingBooked, createBookingFixture, errorOf, NOW_2030, type BookingFixture } from "../support/booking-fixtures";

/**
 * Visits against a real database: booked, moved and cancelled whole, the exclusion constraint guarding
 * every segment. Fixture: Amy works 09:00–13:00 and 14:00–17:00, Ben 09:00–17:00; both cut (60 min + 10
 * after) and massage (60 min, 5 before, 10 after).
 */

let f: BookingFixture;
const now = { now: NOW_2030 };

beforeAll(async () => {
  f = await createBookingFixture();
});

const book = (startsAt: Date, items: { serviceId: string; staffId?: string | null }[], actor = () => f.actors.staff) =>
  bookVisit(actor(), { customerId: f.alice, startsAt, items, source: "DASHBOARD" }, now);

/** Visits holding fewer segments than they were booked with: must always be none. */
async function orphanVisits(): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT v.id FROM "Visit" v LEFT JOIN "Appointment" a ON a."visitId" = v.id
     GROUP BY v.id HAVING count(a.id) < max(v."segmentCount")`;
  return rows.map((row) => row.id);
}

describe("booking a visit", () => {
  it("writes every segment in order, one history row each and one outbox event for the visit", async () => {
    const visit = await book(at("2030-01-07T09:00"), [{ serviceId: f.cut }, { serviceId: f.massage }]);
    expect(visit.segments.map((segment) => segment.service.id)).toEqual([f.cut, f.massage]);
    // The same stylist keeps the client: the turnover is the larger buffer (10 after the cut), once.
    expect(visit.segments.map((segment) => segment.staffId)).toEqual([f.amy, f.amy]);
    expect(visit.segments[1]!.startsAt).toEqual(at("2030-01-07T10:10"));
    expect(visit.endsAt).toEqual(at("2030-01-07T11:10"));
    expect(visit.priceCents).toBe(9000);
    expect(visit.segments.every((segment) => segment.visitId === visit.id)).toBe(true);
    const ids = visit.segments.map((segment) => segment.id);
    expect(await db.appointmentEvent.count({ where: { appointmentId: { in: ids }, action: "booked" } })).toBe(2);
    const outbox = await db.outboxEvent.findMany({ where: { payload: { path: ["visitId"], equals: visit.id } } });
    expect(outbox.map((row) => row.type)).toEqual(["visit.booked"]);
    // Each segment also announces itself (webhooks, the waitlist), marked as part of the visit's change.
    const segmentEvents = await db.outboxEvent.findMany({ where: { appointmentId: { in: ids } } });
    expect(segmentEvents.map((row) => [row.type, (row.payload as { wholeVisitId?: string }).wholeVisitId])).toEqual([
      ["appointment.created", visit.id],
      ["appointment.created", visit.id],
    ]);
    expect(await getVisit(f.actors.alice, visit.id)).toMatchObject({ id: visit.id, version: 2, status: "BOOKED" });
  });

  it("books a single service as a visit of one, on the single booking's path, with the appointment's id", async () => {
    const visit = await book(at("2030-01-07T15:00"), [{ serviceId: f.cut, staffId: f.ben }]);
    expect(visit.segments).toHaveLength(1);
    expect(visit.id).toBe(visit.segments[0]!.id);
    expect(await db.visit.findUnique({ where: { id: visit.id }, select: { segmentCount: true } })).toEqual({ segmentCount: 1 });
    const single = await bookAppointment(
      f.actors.staff,
      { customerId: f.bob, serviceId: f.cut, staffId: f.ben, startsAt: at("2030-01-07T13:00"), source: "DASHBOARD" },
      now,
    );
    expect(single.visitId).toBe(single.id);
  });

  it("fails whole with SLOT_UNAVAILABLE when one segment's stylist is taken, and writes nothing", async () => {
    await bookAppointment(
      f.actors.staff,
      { customerId: f.bob, serviceId: f.cut, staffId: f.ben, startsAt: at("2030-01-08T10:30"), source: "DASHBOARD" },
      now,
    );
    const before = await db.visit.count();
    const error = await errorOf(
      book(at("2030-01-08T09:30"), [
        { serviceId: f.cut, staffId: f.amy },
        { serviceId: f.massage, staffId: f.ben },
      ]),
    );
    expect(error).toMatchObject({ code: "SLOT_UNAVAILABLE" });
    expect(await db.visit.count()).toBe(before);
    expect(await db.appointment.count({ where: { staffId: f.amy, startsAt: at("2030-01-08T09:30") } })).toBe(0);
  });

  it("never offers or books a visit across a stylist's lunch break", async () => {
    const items = [
      { serviceId: f.cut, staffId: f.amy },
      { serviceId: f.massage, staffId: f.amy },
    ];
    const { slots } = await getVisitAvailability({ items, from: at("2030-01-09T09:00"), to: at("2030-01-09T17:00") }, NOW_2030);
    const times = slots.map((slot) => slot.localTime);
    // 10:30: cut 10:30–11:30, massage 11:40–12:40, its buffer after ends 12:50. From 10:45 on it would reach past 13:00.
    expect(times).toContain("10:30");
    expect(times).not.toContain("10:45");
    expect(times).not.toContain("12:00");
    expect(times).toContain("14:00");
    expect(await errorOf(book(at("2030-01-09T12:00"), items))).toBeInstanceOf(AppError);
  });

  it("counts a visit once toward the customer's cap on future bookings", async () => {
    const capped = await createBookingFixture({ maxFutureBookingsPerCustomer: 1 });
    const items = [{ serviceId: capped.cut }, { serviceId: capped.massage }];
    const own = (startsAt: Date) => bookVisit(capped.actors.alice, { customerId: capped.alice, startsAt, items, source: "WEB" }, now);
    await own(at("2030-01-10T09:00"));
    expect(await errorOf(own(at("2030-01-10T14:00")))).toMatchObject({ code: "BOOKING_LIMIT_REACHED" });
  });
});

describe("a visit on the dashboard", () => {
  it("labels each segment with its place in the visit, so the calendar draws them linked", async () => {
    const visit = await book(at("2030-01-18T09:00"), [
      { serviceId: f.cut, staffId: f.amy },
      { serviceId: f.massage, staffId: f.ben },
    ]);
    const listed = await listCalendarAppointments({ from: at("2030-01-18T00:00"), until: at("2030-01-19T00:00") }, [f.amy, f.ben]);
    expect(listed.map((appointment) => appointment.segment)).toEqual([
      { visitId: visit.id, position: 1, count: 2 },
      { visitId: visit.id, position: 2, count: 2 },
    ]);
  });
});

describe("changing a visit", () => {
  it("moves the whole visit to a new start, keeping stylists and the gaps between segments", async () => {
    const visit = await book(at("2030-01-14T09:00"), [{ serviceId: f.cut }, { serviceId: f.massage }]);
    // 30 minutes later: the second segment's new time overlaps the first's old one for the same stylist.
    const moved = await rescheduleVisit(
      f.actors.staff,
      { visitId: visit.id, startsAt: at("2030-01-14T09:30"), expectedVersion: visit.version },
      now,
    );
    expect(moved.segments.map((segment) => segment.startsAt)).toEqual([at("2030-01-14T09:30"), at("2030-01-14T10:40")]);
    expect(moved.segments.map((segment) => segment.staffId)).toEqual(visit.segments.map((segment) => segment.staffId));
    expect(moved.version).toBe(visit.version + 2);
    expect(
      await errorOf(
        rescheduleVisit(f.actors.staff, { visitId: visit.id, startsAt: at("2030-01-14T11:00"), expectedVersion: visit.version }, now),
      ),
    ).toMatchObject({
      code: "VERSION_CONFLICT",
    });
    const back = await rescheduleVisit(f.actors.staff, { visitId: visit.id, startsAt: at("2030-01-14T09:00") }, now);
    expect(back.startsAt).toEqual(at("2030-01-14T09:00"));
    expect(await countOverlappingBooked()).toBe(0);
  });

  it("cancels every segment at once; a customer within the cutoff cannot", async () => {
    const visit = await book(at("2030-01-15T09:00"), [{ serviceId: f.cut }, { serviceId: f.massage }]);
    expect(await errorOf(cancelVisit(f.actors.alice, { visitId: visit.id }, { now: new Date("2030-01-15T08:00:00Z") }))).toMatchObject({
      code: "CUTOFF_PASSED",
    });
    const cancelled = await cancelVisit(f.actors.alice, { visitId: visit.id }, now);
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.segments.map((segment) => segment.status)).toEqual(["CANCELLED", "CANCELLED"]);
    const outbox = await db.outboxEvent.findMany({
      where: { payload: { path: ["visitId"], equals: visit.id } },
      orderBy: { createdAt: "asc" },
    });
    expect(outbox.map((row) => row.type)).toEqual(["visit.booked", "visit.cancelled"]);
  });

  it("lets staff cancel one segment while the rest of the visit stays booked", async () => {
    const visit = await book(at("2030-01-16T09:00"), [{ serviceId: f.cut }, { serviceId: f.massage }]);
    await cancelAppointment(f.actors.staff, { appointmentId: visit.segments[1]!.id, reason: "Therapist ill" }, now);
    const after = await getVisit(f.actors.staff, visit.id);
    expect(after.status).toBe("BOOKED");
    expect(after.segments.map((segment) => segment.status)).toEqual(["BOOKED", "CANCELLED"]);
    expect(after.endsAt).toEqual(visit.segments[0]!.endsAt);
  });

  it("keeps the gap a cancelled middle segment left when the rest of the visit moves, and still reads as one visit", async () => {
    const visit = await book(at("2030-01-23T09:00"), [
      { serviceId: f.cut, staffId: f.amy },
      { serviceId: f.massage, staffId: f.amy },
      { serviceId: f.cut, staffId: f.amy },
    ]);
    const [first, middle, last] = visit.segments;
    await cancelAppointment(f.actors.staff, { appointmentId: middle!.id, reason: "Therapist ill" }, now);
    const moved = await rescheduleVisit(f.actors.staff, { visitId: visit.id, startsAt: at("2030-01-24T09:30") }, now);
    const shift = at("2030-01-24T09:30").getTime() - first!.startsAt.getTime();
    const booked = moved.segments.filter((segment) => segment.status === "BOOKED");
    expect(booked.map((segment) => [segment.startsAt.getTime(), segment.endsAt.getTime()])).toEqual(
      [first!, last!].map((segment) => [segment.startsAt.getTime() + shift, segment.endsAt.getTime() + shift]),
    );
    const read = await getVisit(f.actors.staff, visit.id);
    expect(read).toMatchObject({ id: visit.id, status: "BOOKED", startsAt: booked[0]!.startsAt, endsAt: booked[1]!.endsAt });
    expect(read.segments.map((segment) => segment.status)).toEqual(["BOOKED", "CANCELLED", "BOOKED"]);
  });

  it("does not let a customer change someone else's visit", async () => {
    const visit = await book(at("2030-01-17T09:00"), [{ serviceId: f.cut }, { serviceId: f.massage }]);
    expect(await errorOf(cancelVisit(f.actors.bob, { visitId: visit.id }, now))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("concurrent visits", () => {
  it("50 visits whose sequences overlap in different segments: exactly one is booked, and no visit is left partial", async () => {
    // A: Amy cuts at 10:00, then Ben's massage (Ben blocked 10:55–12:10). B: Ben cuts at 11:00 (blocked
    // 11:00–12:10), then Amy's massage. A and B collide only on Ben: A's second segment, B's first.
    const a = () =>
      book(at("2030-01-21T10:00"), [
        { serviceId: f.cut, staffId: f.amy },
        { serviceId: f.massage, staffId: f.ben },
      ]);
    const b = () =>
      book(at("2030-01-21T11:00"), [
        { serviceId: f.cut, staffId: f.ben },
        { serviceId: f.massage, staffId: f.amy },
      ]);
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? a() : b())));
    const codes = results.flatMap((result) =>
      result.status === "rejected" ? [(result.reason as AppError).code ?? String(result.reason)] : [],
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(codes).toEqual(Array.from({ length: 49 }, () => "SLOT_UNAVAILABLE"));
    const dayStart = at("2030-01-21T00:00");
    const dayEnd = at("2030-01-22T00:00");
    expect(await db.appointment.count({ where: { startsAt: { gte: dayStart, lt: dayEnd } } })).toBe(2);
    expect(await orphanVisits()).toEqual([]);
    expect(await countOverlappingBooked()).toBe(0);
  }, 120_000);
});
