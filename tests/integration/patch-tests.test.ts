import { beforeAll, describe, expect, it } from "vitest";
import * as appointments from "@/app/api/v1/appointments/route";
import { bookAppointment } from "@/lib/booking/mutations";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordPatchTest } from "@/lib/patch-tests/mutations";
import { call } from "../support/api-client";
import { createKey } from "../support/api-fixtures";
import { at, createBookingFixture, errorOf, NOW_2030, type BookingFixture } from "../support/booking-fixtures";

/** Services that need a patch test: the booking core refuses them without a valid one, staff may override. */

let f: BookingFixture;
let patchServiceId: string;
const now = { now: NOW_2030 };

beforeAll(async () => {
  f = await createBookingFixture();
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
