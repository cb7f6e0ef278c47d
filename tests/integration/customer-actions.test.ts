import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { bookAppointment } from "@/lib/booking/mutations";
import { db } from "@/lib/db";
import { createBookingFixture, type BookingFixture } from "../support/booking-fixtures";
import { redirectOf } from "../support/next-navigation";
import { form, session } from "../support/session-mock";

/**
 * The customer server actions decide who may do what from the session alone: a guest is sent to sign
 * in, an unverified account cannot book, and nobody can touch another customer's appointment — whatever
 * the submitted form says. Real booking core and database; only the session and Next's redirect are faked.
 */

vi.mock("next/navigation", async () => (await import("../support/next-navigation")).navigationMock);
vi.mock("@/lib/notifications/after-appointment-change", () => ({ afterAppointmentChange: vi.fn() }));
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionMock);

const { cancelAction, changeNoteAction, confirmBookingAction, rescheduleAction } = await import("@/lib/customer-portal/actions");

let f: BookingFixture;
// A weekday far enough ahead to be inside the (widened) horizon and outside every cutoff.
const START = "2030-01-08T10:00:00.000Z";

const as = (id: string, emailConfirmed = true): SessionUser => ({
  id,
  name: "Test",
  email: `${id}@test.test`,
  role: "CUSTOMER",
  emailConfirmed,
});
const idle = { status: "idle" } as const;

beforeAll(async () => {
  f = await createBookingFixture({ bookingHorizonDays: 3650 });
});

beforeEach(() => {
  session.user = null;
});

describe("confirmBookingAction", () => {
  const fields = () => ({ service: f.cut, staff: f.amy, date: "2030-01-08", start: START, note: "" });

  it("sends a guest to sign in and back to the same review", async () => {
    const url = await redirectOf(confirmBookingAction(idle, form(fields())));
    expect(url).toMatch(/^\/sign-in\?callbackUrl=/);
    const back = decodeURIComponent(url.split("callbackUrl=")[1]!);
    expect(back).toContain(`service=${f.cut}`);
    expect(back).toContain(`staff=${f.amy}`);
    expect(back).toContain("step=review");
  });

  it("refuses an account whose email is not confirmed", async () => {
    session.user = as(f.bob, false);
    const state = await confirmBookingAction(idle, form(fields()));
    expect(state).toMatchObject({ status: "error", code: "FORBIDDEN" });
    expect(await db.appointment.count({ where: { customerId: f.bob } })).toBe(0);
  });

  it("books for the signed-in customer only, ignoring any customer id in the form", async () => {
    session.user = as(f.alice);
    const url = await redirectOf(confirmBookingAction(idle, form({ ...fields(), customerId: f.bob })));
    const id = url.replace("/book/confirmed/", "");
    const appointment = await db.appointment.findUniqueOrThrow({ where: { id } });
    expect(appointment).toMatchObject({ customerId: f.alice, staffId: f.amy, source: "WEB" });
  });

  it("a slot taken meanwhile returns to fresh times, keeping service, stylist and day", async () => {
    session.user = as(f.bob);
    const url = await redirectOf(confirmBookingAction(idle, form(fields())));
    expect(url).toContain("error=slot-taken");
    expect(url).toContain(`service=${f.cut}`);
    expect(url).toContain("date=2030-01-08");
    expect(url).not.toContain("start=");
  });
});

describe("reschedule and cancel", () => {
  let alices: { id: string; version: number };

  beforeAll(async () => {
    const booked = await bookAppointment(f.actors.alice, {
      customerId: f.alice,
      serviceId: f.cut,
      staffId: f.ben,
      startsAt: new Date("2030-01-09T11:00:00Z"),
      source: "WEB",
    });
    alices = { id: booked.id, version: booked.version };
  });

  it("another customer cannot cancel or reschedule it: not found, and nothing changes", async () => {
    session.user = as(f.bob);
    const cancel = await cancelAction(idle, form({ appointmentId: alices.id, version: String(alices.version) }));
    expect(cancel).toMatchObject({ status: "error", code: "NOT_FOUND" });
    const reschedule = await rescheduleAction(
      idle,
      form({ appointmentId: alices.id, version: String(alices.version), start: "2030-01-09T14:00:00.000Z" }),
    );
    expect(reschedule).toMatchObject({ status: "error", code: "NOT_FOUND" });
    expect(await db.appointment.findUniqueOrThrow({ where: { id: alices.id } })).toMatchObject({
      status: "BOOKED",
      version: alices.version,
    });
  });

  it("a guest is sent to sign in", async () => {
    const url = await redirectOf(cancelAction(idle, form({ appointmentId: alices.id, version: String(alices.version) })));
    expect(url).toBe(`/sign-in?callbackUrl=${encodeURIComponent(`/appointments/${alices.id}`)}`);
  });

  it("the owner reschedules, then a stale version is refused instead of overwriting", async () => {
    session.user = as(f.alice);
    const url = await redirectOf(
      rescheduleAction(idle, form({ appointmentId: alices.id, version: String(alices.version), start: "2030-01-09T14:00:00.000Z" })),
    );
    expect(url).toBe(`/appointments/${alices.id}?notice=rescheduled`);
    const stale = await cancelAction(idle, form({ appointmentId: alices.id, version: String(alices.version) }));
    expect(stale).toMatchObject({ status: "error", code: "VERSION_CONFLICT" });
  });

  it("the owner cancels with a reason; a cancelled appointment cannot be rescheduled", async () => {
    session.user = as(f.alice);
    const current = await db.appointment.findUniqueOrThrow({ where: { id: alices.id } });
    const url = await redirectOf(
      cancelAction(idle, form({ appointmentId: alices.id, version: String(current.version), reason: "Plans changed" })),
    );
    expect(url).toBe(`/appointments/${alices.id}?notice=cancelled`);
    expect(await db.appointment.findUniqueOrThrow({ where: { id: alices.id } })).toMatchObject({
      status: "CANCELLED",
      cancellationReason: "Plans changed",
    });
    const again = await rescheduleAction(
      idle,
      form({ appointmentId: alices.id, version: String(current.version + 1), start: "2030-01-10T14:00:00.000Z" }),
    );
    expect(again).toMatchObject({ status: "error", code: "INVALID_TRANSITION" });
  });

  it("inside the cutoff the server refuses, whatever the page showed", async () => {
    const soon = new Date(Math.ceil((Date.now() + 3 * 3_600_000) / 900_000) * 900_000);
    const booked = await bookAppointment(f.actors.admin, {
      customerId: f.alice,
      serviceId: f.cut,
      staffId: f.amy,
      startsAt: soon,
      source: "DASHBOARD",
      overrideAvailability: true,
    });
    session.user = as(f.alice);
    const state = await cancelAction(idle, form({ appointmentId: booked.id, version: String(booked.version) }));
    expect(state).toMatchObject({ status: "error", code: "CUTOFF_PASSED" });
    expect(state.message).toMatch(/contact the salon/);
  });
});

describe("changeNoteAction", () => {
  it("saves and clears the owner's note; another customer gets not found; too long names the field", async () => {
    const booked = await bookAppointment(f.actors.alice, {
      customerId: f.alice,
      serviceId: f.cut,
      staffId: f.amy,
      startsAt: new Date("2030-01-10T10:00:00Z"),
      source: "WEB",
      note: "Short fringe",
    });
    session.user = as(f.bob);
    const theirs = await changeNoteAction(idle, form({ appointmentId: booked.id, version: "1", note: "mine" }));
    expect(theirs).toMatchObject({ status: "error", code: "NOT_FOUND" });

    session.user = as(f.alice);
    const tooLong = await changeNoteAction(idle, form({ appointmentId: booked.id, version: "1", note: "x".repeat(1001) }));
    expect(tooLong).toMatchObject({ status: "error", fieldErrors: { note: expect.stringMatching(/under 1000/) } });
    const url = await redirectOf(changeNoteAction(idle, form({ appointmentId: booked.id, version: "1", note: " Long layers, please " })));
    expect(url).toBe(`/appointments/${booked.id}?notice=note-saved`);
    expect(await db.appointment.findUniqueOrThrow({ where: { id: booked.id } })).toMatchObject({
      customerNote: "Long layers, please",
      version: 2,
    });
    await redirectOf(changeNoteAction(idle, form({ appointmentId: booked.id, version: "2", note: "" })));
    expect(await db.appointment.findUniqueOrThrow({ where: { id: booked.id } })).toMatchObject({ customerNote: null, version: 3 });
  });
});
