import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { bookAppointment } from "@/lib/booking/mutations";
import { getVisit } from "@/lib/visits/data";
import { bookVisit, reassignVisitSegment } from "@/lib/visits/mutations";
import { at, countOverlappingBooked, createBookingFixture, errorOf, NOW_2030, type BookingFixture } from "../support/booking-fixtures";
import { redirectOf } from "../support/next-navigation";
import { form, session, signedInAs } from "../support/session-mock";

/**
 * What the front desk does with a visit on the dashboard: book one for a walk-in, hand one segment to
 * another stylist (the rest stays), move and cancel it whole. Fixture: Amy works 09:00–13:00 and
 * 14:00–17:00, Ben 09:00–17:00; both cut (60 min + 10 after) and massage (60 min, 5 before, 10 after).
 */

vi.mock("next/navigation", async () => (await import("../support/next-navigation")).navigationMock);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/notifications/publish-after-response", () => ({ publishOutboxAfterResponse: vi.fn() }));
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionMock);

const actions = await import("@/lib/visits/actions");

let f: BookingFixture;
const now = { now: NOW_2030 };

beforeAll(async () => {
  // The actions book at today's real time, so the horizon reaches the fixture's dates.
  f = await createBookingFixture({ bookingHorizonDays: 3650 });
});
beforeEach(() => {
  session.user = null;
});

const visitWithAmy = (startsAt: Date) =>
  bookVisit(
    f.actors.staff,
    {
      customerId: f.alice,
      startsAt,
      items: [
        { serviceId: f.cut, staffId: f.amy },
        { serviceId: f.massage, staffId: f.amy },
      ],
      source: "DASHBOARD",
    },
    now,
  );

const eventsOf = (appointmentId: string) => db.appointmentEvent.count({ where: { appointmentId } });

describe("handing one segment of a visit to another stylist", () => {
  it("moves only that segment to the new stylist, at its booked time, even between grid steps", async () => {
    const visit = await visitWithAmy(at("2030-01-21T09:00"));
    const [first, second] = visit.segments;
    // The massage starts at 10:10, between two 15-minute grid steps: its time was chosen at booking.
    const moved = await reassignVisitSegment(f.actors.staff, { appointmentId: second!.id, staffId: f.ben, expectedVersion: 1 }, now);
    expect(moved).toMatchObject({ staffId: f.ben, startsAt: second!.startsAt, endsAt: second!.endsAt, version: 2 });
    const after = await getVisit(f.actors.staff, visit.id);
    expect(after.segments.map((segment) => segment.staffId)).toEqual([f.amy, f.ben]);
    expect(after.segments[0]).toMatchObject({ id: first!.id, version: 1, startsAt: first!.startsAt });
    const outbox = await db.outboxEvent.findMany({
      where: { payload: { path: ["appointmentId"], equals: second!.id } },
      orderBy: { createdAt: "asc" },
    });
    // The booking announced each segment as part of the visit; the hand-over is this segment's own change.
    expect(outbox.map((row) => [row.type, (row.payload as { wholeVisitId?: string }).wholeVisitId])).toEqual([
      ["appointment.created", visit.id],
      ["appointment.rescheduled", undefined],
    ]);
    const history = await db.appointmentEvent.findFirstOrThrow({ where: { appointmentId: second!.id, action: "rescheduled" } });
    expect(history.changes).toEqual({ before: { staffId: f.amy }, after: { staffId: f.ben } });
  });

  it("refuses a stylist who is busy then with SLOT_UNAVAILABLE, changing nothing", async () => {
    const visit = await visitWithAmy(at("2030-01-22T09:00"));
    await bookAppointment(
      f.actors.staff,
      { customerId: f.bob, serviceId: f.cut, staffId: f.ben, startsAt: at("2030-01-22T10:30"), source: "DASHBOARD" },
      now,
    );
    const second = visit.segments[1]!;
    const eventsBefore = await eventsOf(second.id);
    expect(await errorOf(reassignVisitSegment(f.actors.staff, { appointmentId: second.id, staffId: f.ben }, now))).toMatchObject({
      code: "SLOT_UNAVAILABLE",
    });
    expect(await db.appointment.findUniqueOrThrow({ where: { id: second.id }, select: { staffId: true, version: true } })).toEqual({
      staffId: f.amy,
      version: 1,
    });
    expect(await eventsOf(second.id)).toBe(eventsBefore);
    expect(await countOverlappingBooked()).toBe(0);
  });

  it("refuses a stylist outside their working hours, and lets a stylist hand over only within their own column", async () => {
    const visit = await visitWithAmy(at("2030-01-23T09:00"));
    const second = visit.segments[1]!;
    const amyAsStylist = { kind: "user", userId: f.amy, role: "STYLIST" } as const;
    expect(await errorOf(reassignVisitSegment(amyAsStylist, { appointmentId: second.id, staffId: f.ben }, now))).toMatchObject({
      code: "FORBIDDEN",
    });
    await db.workingHours.updateMany({ where: { staffId: f.ben, weekday: 3 }, data: { startMinute: 660 } });
    expect(await errorOf(reassignVisitSegment(f.actors.staff, { appointmentId: second.id, staffId: f.ben }, now))).toMatchObject({
      code: "SLOT_UNAVAILABLE",
    });
    expect((await getVisit(f.actors.staff, visit.id)).segments.map((segment) => segment.staffId)).toEqual([f.amy, f.amy]);
  });
});

describe("the dashboard's visit actions", () => {
  it("books a walk-in's two services as one visit, hands one on, then cancels the visit", async () => {
    session.user = signedInAs(f.ben, "FRONT_DESK");
    const booking = form({ customerName: "Walk In", customerEmail: "visit.walk.in@example.test", startsAt: "2030-03-05T09:00:00Z" });
    for (const [serviceId, staffId] of [
      [f.cut, f.amy],
      [f.massage, ""],
    ] as const) {
      booking.append("serviceId", serviceId);
      booking.append("staffId", staffId);
    }
    const url = await redirectOf(actions.createVisitAction({ status: "idle" }, booking));
    const visitId = /^\/dashboard\/visits\/([^?]+)\?notice=booked$/.exec(url)?.[1];
    expect(visitId).toBeTruthy();
    const visit = await getVisit(f.actors.staff, visitId!);
    expect(visit.customer.email).toBe("visit.walk.in@example.test");
    expect(visit.segments.map((segment) => [segment.service.id, segment.source])).toEqual([
      [f.cut, "DASHBOARD"],
      [f.massage, "DASHBOARD"],
    ]);

    const second = visit.segments[1]!;
    const other = second.staffId === f.amy ? f.ben : f.amy;
    await redirectOf(
      actions.reassignSegmentAction(
        { status: "idle" },
        form({ visitId: visitId!, appointmentId: second.id, version: String(second.version), staffId: other }),
      ),
    );
    const handed = await getVisit(f.actors.staff, visitId!);
    expect(handed.segments[1]!.staffId).toBe(other);

    const stale = await actions.dashboardCancelVisitAction(
      { status: "idle" },
      form({ visitId: visitId!, version: String(visit.version), reason: "Closed" }),
    );
    expect(stale).toMatchObject({ status: "error", code: "VERSION_CONFLICT" });
    expect(
      await redirectOf(
        actions.dashboardCancelVisitAction(
          { status: "idle" },
          form({ visitId: visitId!, version: String(handed.version), reason: "Closed" }),
        ),
      ),
    ).toBe(`/dashboard/visits/${visitId}?notice=cancelled`);
    expect((await getVisit(f.actors.staff, visitId!)).segments.map((segment) => segment.status)).toEqual(["CANCELLED", "CANCELLED"]);
  });

  it("asks for a start time when none was chosen, booking nothing", async () => {
    session.user = signedInAs(f.ben, "FRONT_DESK");
    const booking = form({ customerName: "No Time", customerEmail: "no.time@example.test", startsAt: "" });
    booking.append("serviceId", f.cut);
    booking.append("staffId", "");
    const state = await actions.createVisitAction({ status: "idle" }, booking);
    expect(state).toMatchObject({ status: "error", fieldErrors: { startsAt: "Choose a start time." } });
    expect(await db.user.count({ where: { email: "no.time@example.test" } })).toBe(0);
  });
});
