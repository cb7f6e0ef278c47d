import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { bookVisit } from "@/lib/visits/mutations";
import { createBookingFixture, type BookingFixture } from "../support/booking-fixtures";
import { redirectOf } from "../support/next-navigation";
import { form, session } from "../support/session-mock";

/**
 * The customer's visit actions: a visit is booked for the signed-in customer only, whole, from the
 * services in the form; a deposit holds every segment until the visit is paid; a time taken meanwhile
 * goes back to fresh times keeping every service; moving and cancelling act on every segment, and the
 * salon's cutoffs are told in the form. Real visit core and database; only the session and redirect are faked.
 */

vi.mock("next/navigation", async () => (await import("../support/next-navigation")).navigationMock);
vi.mock("@/lib/notifications/after-appointment-change", () => ({ afterAppointmentChange: vi.fn() }));
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionMock);

const { cancelVisitAction, confirmVisitAction, rescheduleVisitAction } = await import("@/lib/customer-portal/visit-actions");

let f: BookingFixture;
const idle = { status: "idle" } as const;
const as = (id: string): SessionUser => ({ id, name: "Test", email: `${id}@test.test`, role: "CUSTOMER", emailConfirmed: true });

/** A visit's segments, in order. */
const segmentsOf = (visitId: string) =>
  db.appointment.findMany({ where: { visitId }, orderBy: { visitPosition: "asc" }, include: { visit: true } });

/** The appointment id a confirmation redirect names. */
const confirmedId = (url: string) => url.replace("/book/confirmed/", "");

beforeAll(async () => {
  // Long cutoffs, so a visit in the next days is inside them and one in 2030 is not.
  f = await createBookingFixture({ bookingHorizonDays: 3650, cancelCutoffMinutes: 4320, rescheduleCutoffMinutes: 4320 });
});

beforeEach(() => {
  session.user = null;
});

describe("confirmVisitAction", () => {
  const fields = (start: string, staff = "any") => ({
    services: `${f.cut},${f.massage}`,
    staff,
    date: start.slice(0, 10),
    start,
    note: "",
  });

  it("sends a guest to sign in and back to the same visit's review", async () => {
    const url = await redirectOf(confirmVisitAction(idle, form(fields("2030-01-08T10:00:00.000Z"))));
    const back = decodeURIComponent(url.split("callbackUrl=")[1]!);
    expect(back).toContain(`service=${f.cut}`);
    expect(back).toContain(`also=${f.massage}`);
    expect(back).toContain("step=review");
  });

  it("books every chosen service, in order, as one visit of the signed-in customer", async () => {
    session.user = as(f.alice);
    const url = await redirectOf(confirmVisitAction(idle, form({ ...fields("2030-01-08T10:00:00.000Z"), customerId: f.bob })));
    const first = await db.appointment.findUniqueOrThrow({ where: { id: confirmedId(url) } });
    const segments = await segmentsOf(first.visitId!);
    expect(segments.map((segment) => segment.serviceId)).toEqual([f.cut, f.massage]);
    expect(segments.every((segment) => segment.customerId === f.alice && segment.source === "WEB")).toBe(true);
    expect(segments[0]!.id).toBe(first.id);
    expect(segments[1]!.startsAt.getTime()).toBeGreaterThanOrEqual(segments[0]!.endsAt.getTime());
  });

  it("with one stylist chosen, gives that stylist every service", async () => {
    session.user = as(f.alice);
    const url = await redirectOf(confirmVisitAction(idle, form(fields("2030-01-09T09:00:00.000Z", f.ben))));
    const first = await db.appointment.findUniqueOrThrow({ where: { id: confirmedId(url) } });
    expect((await segmentsOf(first.visitId!)).map((segment) => segment.staffId)).toEqual([f.ben, f.ben]);
  });

  it("a time taken meanwhile returns to fresh times, keeping every service, the stylist and the day", async () => {
    session.user = as(f.alice);
    await redirectOf(confirmVisitAction(idle, form(fields("2030-01-10T09:00:00.000Z", f.amy))));
    session.user = as(f.bob);
    const url = await redirectOf(confirmVisitAction(idle, form(fields("2030-01-10T09:00:00.000Z", f.amy))));
    expect(url).toContain("error=slot-taken");
    expect(url).toContain(`service=${f.cut}`);
    expect(url).toContain(`also=${f.massage}`);
    expect(url).toContain("date=2030-01-10");
    expect(url).not.toContain("start=");
    expect(await db.appointment.count({ where: { customerId: f.bob } })).toBe(0);
  });

  it("holds every segment of a visit with a deposit service and sends the customer on to pay for the visit", async () => {
    session.user = as(f.bob);
    await db.service.update({ where: { id: f.massage }, data: { depositCents: 1000 } });
    try {
      const url = await redirectOf(confirmVisitAction(idle, form(fields("2030-01-11T10:00:00.000Z"))));
      const first = await db.appointment.findUniqueOrThrow({ where: { id: confirmedId(url) } });
      const segments = await segmentsOf(first.visitId!);
      expect(segments.map((segment) => [segment.serviceId, segment.status, segment.depositCents])).toEqual([
        [f.cut, "PENDING_PAYMENT", 0],
        [f.massage, "PENDING_PAYMENT", 1000],
      ]);
      // One hold for the whole visit: every segment is held until the same moment.
      expect(new Set(segments.map((segment) => segment.paymentHoldUntil?.getTime())).size).toBe(1);
      expect(segments[0]!.paymentHoldUntil).not.toBeNull();
    } finally {
      await db.service.update({ where: { id: f.massage }, data: { depositCents: null } });
    }
  });
});

describe("rescheduleVisitAction and cancelVisitAction", () => {
  /** A visit of Alice's (cut then massage with Amy), by its first segment, as her visit pages send it. */
  async function alicesVisit(startsAt: Date) {
    const visit = await bookVisit(systemActor, {
      customerId: f.alice,
      startsAt,
      items: [
        { serviceId: f.cut, staffId: f.amy },
        { serviceId: f.massage, staffId: f.amy },
      ],
      source: "WEB",
    });
    return { visitId: visit.id, appointmentId: visit.segments[0]!.id, version: visit.version };
  }

  /** The next day the fixture's stylists work (not Sunday), at 10:00: inside the three-day cutoffs. */
  function soon(): Date {
    for (let days = 1; ; days += 1) {
      const date = new Date(Date.now() + days * 86_400_000);
      if (date.getUTCDay() !== 0) return new Date(`${date.toISOString().slice(0, 10)}T10:00:00.000Z`);
    }
  }

  it("moves every segment of the visit by the same amount", async () => {
    const { visitId, appointmentId, version } = await alicesVisit(new Date("2030-01-15T09:00:00Z"));
    const before = await segmentsOf(visitId);
    session.user = as(f.alice);
    const start = "2030-01-16T09:00:00.000Z";
    const url = await redirectOf(rescheduleVisitAction(idle, form({ appointmentId, version: String(version), start, date: "2030-01-16" })));
    expect(url).toBe(`/appointments/${appointmentId}?notice=rescheduled`);
    const after = await segmentsOf(visitId);
    expect(after.map((segment) => segment.startsAt.getTime() - before[after.indexOf(segment)]!.startsAt.getTime())).toEqual([
      86_400_000, 86_400_000,
    ]);
  });

  it("cancels every segment of the visit", async () => {
    const { visitId, appointmentId, version } = await alicesVisit(new Date("2030-01-17T09:00:00Z"));
    session.user = as(f.alice);
    const url = await redirectOf(cancelVisitAction(idle, form({ appointmentId, version: String(version), reason: "Away" })));
    expect(url).toBe(`/appointments/${appointmentId}?notice=cancelled`);
    expect((await segmentsOf(visitId)).map((segment) => segment.status)).toEqual(["CANCELLED", "CANCELLED"]);
  });

  it("inside the salon's cutoffs, says so and changes nothing", async () => {
    const { visitId, appointmentId, version } = await alicesVisit(soon());
    session.user = as(f.alice);
    const cancel = await cancelVisitAction(idle, form({ appointmentId, version: String(version) }));
    expect(cancel).toMatchObject({ status: "error", code: "CUTOFF_PASSED" });
    const start = new Date(soon().getTime() + 3_600_000).toISOString();
    const move = await rescheduleVisitAction(idle, form({ appointmentId, version: String(version), start }));
    expect(move).toMatchObject({ status: "error", code: "CUTOFF_PASSED" });
    expect((await segmentsOf(visitId)).map((segment) => segment.status)).toEqual(["BOOKED", "BOOKED"]);
  });

  it("another customer's visit does not exist for them", async () => {
    const { visitId, appointmentId, version } = await alicesVisit(new Date("2030-01-18T09:00:00Z"));
    session.user = as(f.bob);
    const state = await cancelVisitAction(idle, form({ appointmentId, version: String(version) }));
    expect(state).toMatchObject({ status: "error", code: "NOT_FOUND" });
    expect((await segmentsOf(visitId)).map((segment) => segment.status)).toEqual(["BOOKED", "BOOKED"]);
  });
});
