import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { at, createBookingFixture, type BookingFixture } from "../support/booking-fixtures";
import { redirectOf } from "../support/next-navigation";
import { form, session, signedInAs } from "../support/session-mock";

/**
 * The dashboard's server actions, called as functions with a mocked session: customers and guests are
 * refused on the server (nothing written), staff book/reschedule/cancel/complete/note through the booking
 * core, and only admins change the salon's settings.
 */

const published = vi.fn();

vi.mock("next/navigation", async () => (await import("../support/next-navigation")).navigationMock);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/notifications/publish-after-response", () => ({ publishOutboxAfterResponse: async () => published() }));
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionMock);

const actions = await import("@/lib/dashboard/actions");
const { updateSettingsAction } = await import("@/lib/dashboard/admin-actions");

let f: BookingFixture;

const walkIn = (email: string) =>
  form({
    customerName: "Walk In",
    customerEmail: email,
    serviceId: f.cut,
    staffId: f.amy,
    date: "2030-03-04",
    time: "19:00",
    overrideAvailability: "on",
  });

beforeAll(async () => {
  f = await createBookingFixture();
});
beforeEach(() => {
  session.user = null;
  published.mockClear();
});

describe("role checks on the server", () => {
  it.each([
    ["a customer", () => signedInAs(f.alice, "CUSTOMER")],
    ["a guest", () => null],
  ])("refuses %s every dashboard action, writing nothing", async (_who, user) => {
    session.user = user();
    const before = await db.appointment.count();
    const results = await Promise.all([
      actions.createAppointmentAction({ status: "idle" }, walkIn("nobody@example.test")),
      actions.dashboardRescheduleAction(
        { status: "idle" },
        form({ appointmentId: "x", version: "1", staffId: f.amy, date: "2030-03-04", time: "10:00" }),
      ),
      actions.dashboardCancelAction({ status: "idle" }, form({ appointmentId: "x", version: "1", reason: "r" })),
      actions.transitionAction({ status: "idle" }, form({ appointmentId: "x", version: "1", transition: "complete" })),
      actions.addStaffNoteAction({ status: "idle" }, form({ appointmentId: "x", body: "hi" })),
      updateSettingsAction({ status: "idle" }, form({ name: "Hacked" })),
    ]);
    for (const state of results) expect(state).toMatchObject({ status: "error", code: "FORBIDDEN" });
    expect(await db.appointment.count()).toBe(before);
    expect(await db.user.count({ where: { email: "nobody@example.test" } })).toBe(0);
  });

  it("refuses a stylist the admin-only settings", async () => {
    session.user = signedInAs(f.ben, "STYLIST");
    expect(await updateSettingsAction({ status: "idle" }, form({ name: "x" }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("staff appointment actions", () => {
  it("books a walk-in (creating the customer) outside working hours, then reschedules, notes and cancels it", async () => {
    session.user = signedInAs(f.ben, "FRONT_DESK");
    const url = await redirectOf(actions.createAppointmentAction({ status: "idle" }, walkIn("walk.in@example.test")));
    const id = /\/dashboard\/appointments\/([^?]+)\?notice=booked$/.exec(url)?.[1];
    expect(id).toBeTruthy();
    const booked = await db.appointment.findUniqueOrThrow({ where: { id }, include: { customer: true } });
    expect(booked).toMatchObject({ source: "DASHBOARD", staffId: f.amy, startsAt: at("2030-03-04T19:00"), status: "BOOKED" });
    expect(booked.customer).toMatchObject({ email: "walk.in@example.test", role: "CUSTOMER" });
    expect(published).toHaveBeenCalledTimes(1);

    await redirectOf(
      actions.dashboardRescheduleAction(
        { status: "idle" },
        form({ appointmentId: id!, version: "1", staffId: f.amy, date: "2030-03-04", time: "19:30", overrideAvailability: "on" }),
      ),
    );
    await redirectOf(actions.addStaffNoteAction({ status: "idle" }, form({ appointmentId: id!, body: "Prefers quiet" })));
    const noReason = await actions.dashboardCancelAction({ status: "idle" }, form({ appointmentId: id!, version: "2", reason: " " }));
    expect(noReason).toMatchObject({ status: "error", fieldErrors: { reason: expect.any(String) } });
    await redirectOf(actions.dashboardCancelAction({ status: "idle" }, form({ appointmentId: id!, version: "2", reason: "Ill" })));

    const events = await db.appointmentEvent.findMany({ where: { appointmentId: id }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => [event.action, event.actorKind, event.actorId])).toEqual([
      ["booked", "STAFF", f.ben],
      ["rescheduled", "STAFF", f.ben],
      ["note_added", "STAFF", f.ben],
      ["cancelled", "STAFF", f.ben],
    ]);
    expect(published).toHaveBeenCalledTimes(3);
  });

  it("keeps what was typed and names the field when the booking is refused", async () => {
    session.user = signedInAs(f.ben, "FRONT_DESK");
    const fields = walkIn("again@example.test");
    fields.delete("overrideAvailability");
    const state = await actions.createAppointmentAction({ status: "idle" }, fields);
    expect(state).toMatchObject({
      status: "error",
      // The walk-in's date lies past the salon's booking horizon: a rule, not a race.
      code: "BEYOND_HORIZON",
      values: { customerEmail: "again@example.test", time: "19:00" },
    });
  });

  it("completes an appointment", async () => {
    session.user = signedInAs(f.ben, "FRONT_DESK");
    const url = await redirectOf(actions.createAppointmentAction({ status: "idle" }, walkIn("done@example.test")));
    const id = /appointments\/([^?]+)/.exec(url)![1]!;
    await db.appointment.update({
      where: { id },
      data: {
        startsAt: at("2030-03-04T17:00"),
        endsAt: at("2030-03-04T17:45"),
        blockedFrom: at("2030-03-04T17:00"),
        blockedUntil: at("2030-03-04T17:55"),
      },
    });
    await redirectOf(actions.transitionAction({ status: "idle" }, form({ appointmentId: id, version: "1", transition: "complete" })));
    expect(await db.appointment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "COMPLETED", version: 2 });
  });
});

describe("settings", () => {
  it("lets an admin save valid settings and refuses an unknown timezone", async () => {
    session.user = signedInAs(f.admin, "ADMIN");
    const valid = {
      name: "Renamed Salon",
      address: "2 New Street",
      timezone: "Europe/London",
      slotStepMinutes: "30",
      minNoticeMinutes: "60",
      bookingHorizonDays: "90",
      cancelCutoffMinutes: "720",
      rescheduleCutoffMinutes: "720",
      reminderLeadMinutes: "120",
    };
    const bad = await updateSettingsAction({ status: "idle" }, form({ ...valid, timezone: "Mars/Olympus" }));
    expect(bad).toMatchObject({ status: "error", fieldErrors: { timezone: expect.stringContaining("timezone") } });
    expect(await updateSettingsAction({ status: "idle" }, form(valid))).toMatchObject({ status: "success" });
    expect(await db.salonSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      name: "Renamed Salon",
      slotStepMinutes: 30,
      bookingHorizonDays: 90,
    });
  });
});
