import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as appointments from "@/app/api/v1/appointments/route";
import * as appointmentItem from "@/app/api/v1/appointments/[id]/route";
import { bookAppointment, rescheduleAppointment } from "@/lib/booking/mutations";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordPatchTest } from "@/lib/patch-tests/mutations";
import { addDays, fromWallClock, isoWeekday } from "@/lib/time/zoned";
import { call } from "../support/api-client";
import { createKey } from "../support/api-fixtures";
import { at, createBookingFixture, errorOf, NOW_2030, TZ, type BookingFixture } from "../support/booking-fixtures";
import { redirectOf } from "../support/next-navigation";
import { form, session, signedInAs } from "../support/session-mock";

vi.mock("next/navigation", async () => (await import("../support/next-navigation")).navigationMock);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/notifications/publish-after-response", () => ({ publishOutboxAfterResponse: async () => undefined }));
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionMock);

const { dashboardRescheduleAction } = await import("@/lib/dashboard/actions");

/** Services that need a patch test: the booking core refuses them without a valid one, staff may override. */

let f: BookingFixture;
let patchServiceId: string;
const now = { now: NOW_2030 };

beforeAll(async () => {
  f = await createBookingFixture();
  session.user = null;
  await db.service.update({ where: { id: f.colour }, data: { requiresPatchTest: true, name: "Colour" } });
  await db.staffService.create({ data: { staffId: f.amy, serviceId: f.colour } });
  patchServiceId = (
    await db.service.create({
      data: { slug: `patch-${process.pid}`, name: "Patch test", category: "Test", durationMinutes: 15, priceCents: 0 },
    })
  ).id;
  await db.salonSettings.update({ where: { id: 1 }, data: { patchTestServiceId: patchServiceId } });
});

/** The admin records a Koleston test for the customer, at the suite's now unless `recordedAt` says otherwise. */
const adminRecords = (customerId: string, testedAt: string, result: "NEGATIVE" | "POSITIVE", recordedAt = NOW_2030) =>
  recordPatchTest(f.actors.admin, { customerId, testedAt: at(testedAt), product: "Koleston", result }, f.admin, { now: recordedAt });

const colour = (customerId: string, startsAt: string, extra: Partial<Parameters<typeof bookAppointment>[1]> = {}) => ({
  customerId,
  serviceId: f.colour,
  staffId: f.amy,
  startsAt: at(startsAt),
  source: "WEB" as const,
  ...extra,
});

describe("patch tests in the booking core", () => {
  it("refuses a colour booking without a test, naming the rule and offering the patch-test service", async () => {
    const error = await errorOf(bookAppointment(f.actors.bob, colour(f.bob, "2030-01-08T10:00"), now));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "PATCH_TEST_REQUIRED", status: 422 });
    expect((error as AppError).message).toContain("at least 48 hours and at most 6 months");
    expect((error as AppError).message).toContain('Book "Patch test" first');
    expect(await db.appointment.count({ where: { customerId: f.bob } })).toBe(0);
  });

  it("books once a negative test is on record from 48 hours to 6 months before, not a day too late", async () => {
    await adminRecords(f.alice, "2029-12-20T10:00", "NEGATIVE");
    const booked = await bookAppointment(f.actors.alice, colour(f.alice, "2030-01-08T10:00"), now);
    expect(booked.status).toBe("BOOKED");
    // 20 December + 6 months = 20 June: a booking after that needs a new test.
    const late = await errorOf(bookAppointment(f.actors.admin, colour(f.alice, "2030-06-21T10:00", { overrideAvailability: true }), now));
    expect(late).toMatchObject({ code: "PATCH_TEST_REQUIRED" });
  });

  it("does not count a positive result, nor one done less than 48 hours before", async () => {
    await adminRecords(f.bob, "2029-12-20T10:00", "POSITIVE");
    await adminRecords(f.bob, "2030-01-08T11:00", "NEGATIVE", at("2030-01-09T12:00"));
    expect(await errorOf(bookAppointment(f.actors.bob, colour(f.bob, "2030-01-10T10:00"), now))).toMatchObject({
      code: "PATCH_TEST_REQUIRED",
    });
  });

  it("lets staff override with a reason, which is kept with the appointment; a customer cannot", async () => {
    const refused = await errorOf(
      bookAppointment(f.actors.bob, colour(f.bob, "2030-01-09T10:00", { patchTestOverrideReason: "trust me" }), now),
    );
    expect(refused).toMatchObject({ code: "FORBIDDEN" });
    const booked = await bookAppointment(
      f.actors.admin,
      colour(f.bob, "2030-01-09T14:00", { source: "DASHBOARD", patchTestOverrideReason: "Tested at another salon last week" }),
      now,
    );
    expect(await db.patchTestOverride.findUnique({ where: { appointmentId: booked.id } })).toMatchObject({
      reason: "Tested at another salon last week",
      staffId: f.admin,
    });
  });

  it("records who recorded a test in the admin audit log", async () => {
    const events = await db.auditEvent.findMany({ where: { entityKind: "customer", entityId: f.alice, action: "patch-test.recorded" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: f.admin, after: { product: "Koleston", result: "NEGATIVE" } });
  });

  it("answers the API with 422 PATCH_TEST_REQUIRED", async () => {
    const customer = await db.user.create({
      data: { name: "Cara", email: `cara.${process.pid}@test.test`, role: "CUSTOMER", emailVerified: new Date() },
    });
    const { auth } = await createKey(customer.id);
    // A real clock: a weekday 20 days ahead at 10:00 London, inside Amy's hours and the horizon.
    const start = new Date(Date.now() + 20 * 86_400_000);
    while (start.getUTCDay() === 0) start.setUTCDate(start.getUTCDate() + 1);
    start.setUTCHours(11, 0, 0, 0);
    const response = await call(appointments.POST, "POST", "/appointments", {
      headers: auth,
      body: { serviceId: f.colour, staffId: f.amy, startsAt: start.toISOString() },
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: "PATCH_TEST_REQUIRED", title: "Patch Test Required" });
  });
});

const DAY_MS = 86_400_000;

/** The salon-local date `days` from today, moved off a Sunday (Amy works Monday to Saturday). */
function workdayAhead(days: number): string {
  const date = addDays(new Date().toISOString().slice(0, 10), days);
  return isoWeekday(date) === 7 ? addDays(date, 1) : date;
}

const localTime = (date: string, hours: number) => new Date(fromWallClock(date, hours * 60, TZ)!);

/**
 * A customer whose negative test was done 175 days ago, with a colour booked (valid then) `days` ahead:
 * the doors that run on today's clock (dashboard, API) move it three weeks on, where that test is too old.
 */
async function colourBookedOnTodaysClock(name: string, days: number, hours: number) {
  const customer = await db.user.create({
    data: { name, email: `${name.toLowerCase()}.${process.pid}@test.test`, role: "CUSTOMER", emailVerified: new Date() },
  });
  await recordPatchTest(
    f.actors.admin,
    { customerId: customer.id, testedAt: new Date(Date.now() - 175 * DAY_MS), product: "Koleston", result: "NEGATIVE" },
    f.admin,
  );
  const date = workdayAhead(days);
  const booked = await bookAppointment(f.actors.admin, {
    customerId: customer.id,
    serviceId: f.colour,
    staffId: f.amy,
    startsAt: localTime(date, hours),
    source: "DASHBOARD",
  });
  return { customerId: customer.id, booked, later: workdayAhead(days + 21) };
}

describe("patch tests when an appointment moves", () => {
  // Alice's negative test of 20 December 2029 counts until 20 June 2030.
  const may = { now: at("2030-05-01T08:00") };
  let moving: string;

  it("refuses moving a colour to a time its test is too old for, naming the patch-test service", async () => {
    moving = (await bookAppointment(f.actors.alice, colour(f.alice, "2030-05-13T10:00"), may)).id;
    const refused = await errorOf(rescheduleAppointment(f.actors.alice, { appointmentId: moving, startsAt: at("2030-06-24T10:00") }, may));
    expect(refused).toMatchObject({ code: "PATCH_TEST_REQUIRED", status: 422 });
    expect((refused as AppError).message).toContain('Book "Patch test" first');
    expect(await db.appointment.findUniqueOrThrow({ where: { id: moving } })).toMatchObject({ startsAt: at("2030-05-13T10:00") });
  });

  it("still moves it to a time the test covers", async () => {
    const moved = await rescheduleAppointment(f.actors.alice, { appointmentId: moving, startsAt: at("2030-06-17T10:00") }, may);
    expect(moved.startsAt).toEqual(at("2030-06-17T10:00"));
  });

  it("does not let the customer override the rule", async () => {
    const refused = await errorOf(
      rescheduleAppointment(
        f.actors.alice,
        { appointmentId: moving, startsAt: at("2030-06-24T10:00"), patchTestOverrideReason: "I tested at home" },
        may,
      ),
    );
    expect(refused).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.patchTestOverride.count({ where: { appointmentId: moving } })).toBe(0);
  });

  it("lets staff move it with a reason, kept with the appointment", async () => {
    const moved = await rescheduleAppointment(
      f.actors.admin,
      { appointmentId: moving, startsAt: at("2030-06-24T10:00"), patchTestOverrideReason: "New test booked the day before" },
      may,
    );
    expect(moved.startsAt).toEqual(at("2030-06-24T10:00"));
    expect(await db.patchTestOverride.findUnique({ where: { appointmentId: moving } })).toMatchObject({
      reason: "New test booked the day before",
      staffId: f.admin,
    });
  });

  describe("on the dashboard", () => {
    beforeEach(() => {
      session.user = signedInAs(f.admin, "ADMIN");
    });

    it("answers PATCH_TEST_REQUIRED, then moves it once staff give a reason", async () => {
      const { booked, later } = await colourBookedOnTodaysClock("Dee", 3, 10);
      const move = (extra: Record<string, string> = {}) =>
        dashboardRescheduleAction(
          { status: "idle" },
          form({ appointmentId: booked.id, version: String(booked.version), staffId: f.amy, date: later, time: "10:00", ...extra }),
        );
      expect(await move({ patchTestOverrideReason: "" })).toMatchObject({ status: "error", code: "PATCH_TEST_REQUIRED" });
      expect(await redirectOf(move({ patchTestOverrideReason: "Customer showed a recent test card" }))).toContain(booked.id);
      expect(await db.appointment.findUniqueOrThrow({ where: { id: booked.id } })).toMatchObject({ startsAt: localTime(later, 10) });
      expect(await db.patchTestOverride.findUnique({ where: { appointmentId: booked.id } })).toMatchObject({
        reason: "Customer showed a recent test card",
        staffId: f.admin,
      });
    });
  });

  describe("through the API", () => {
    it("answers 422 PATCH_TEST_REQUIRED, refuses a customer's key the override and takes a staff key's", async () => {
      const { customerId, booked, later } = await colourBookedOnTodaysClock("Eve", 4, 14);
      const patch = async (ownerId: string, body: Record<string, unknown>) => {
        const { auth } = await createKey(ownerId);
        const current = await db.appointment.findUniqueOrThrow({ where: { id: booked.id }, select: { version: true } });
        return call(appointmentItem.PATCH, "PATCH", `/appointments/${booked.id}`, {
          headers: { ...auth, "if-match": `"${current.version}"` },
          params: { id: booked.id },
          body,
        });
      };
      const startsAt = localTime(later, 14).toISOString();
      const refused = await patch(customerId, { startsAt });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: "PATCH_TEST_REQUIRED" });
      expect((await patch(customerId, { startsAt, patchTestOverrideReason: "Trust me" })).body).toMatchObject({ code: "FORBIDDEN" });
      const moved = await patch(f.admin, { startsAt, patchTestOverrideReason: "Tested at our other branch" });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ startsAt });
      expect(await db.patchTestOverride.findUnique({ where: { appointmentId: booked.id } })).toMatchObject({
        reason: "Tested at our other branch",
        staffId: f.admin,
      });
    });
  });
});
