import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getAppointment, getAppointmentHistory } from "@/lib/booking/data";
import {
  addStaffNote,
  bookAppointment,
  cancelAppointment,
  changeCustomerNote,
  finishAppointment,
  rescheduleAppointment,
} from "@/lib/booking/mutations";
import { db } from "@/lib/db";
import { notificationJobs } from "@/lib/notifications/jobs/registry";
import { at, createBookingFixture, NOW_2030, type BookingFixture } from "../support/booking-fixtures";

/** Reschedule, cancel, complete, no-show and notes: rules, cutoffs, transitions, history and outbox. */

let f: BookingFixture;
const now = { now: NOW_2030 };
/** A reschedule that asks to ignore working hours (only staff may). */
const moveOverridingHours = (actor: Actor, appointmentId: string, startsAt: Date) =>
  rescheduleAppointment(actor, { appointmentId, startsAt, overrideAvailability: true }, now);
const HOUR = 3_600_000;

beforeAll(async () => {
  f = await createBookingFixture();
});

/** A booked appointment for Alice with Amy; staff override so any instant (e.g. relative to today) works. */
async function booked(startsAt: Date, customer: "alice" | "bob" = "alice") {
  return bookAppointment(
    f.actors.staff,
    { customerId: f[customer], serviceId: f.cut, staffId: f.amy, startsAt, source: "DASHBOARD", overrideAvailability: true },
    now,
  );
}

const outboxCount = (appointmentId: string) => db.outboxEvent.count({ where: { appointmentId } });
const eventCount = (appointmentId: string) => db.appointmentEvent.count({ where: { appointmentId } });
/** A change made by someone who saw the appointment as it was booked. */
const changeOf = <F extends object>(appointment: { id: string; version: number }, fields: F) => ({
  appointmentId: appointment.id,
  expectedVersion: appointment.version,
  ...fields,
});

describe("rescheduleAppointment", () => {
  it("moves a customer's own appointment, recording before/after and announcing it", async () => {
    const appointment = await booked(at("2030-01-21T10:00"));
    const moved = await rescheduleAppointment(f.actors.alice, changeOf(appointment, { startsAt: at("2030-01-21T15:00") }), now);
    expect(moved).toMatchObject({ startsAt: at("2030-01-21T15:00"), endsAt: at("2030-01-21T16:00"), version: 2 });
    const row = await db.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(row.blockedUntil).toEqual(at("2030-01-21T16:10"));

    const [, event] = await getAppointmentHistory(f.actors.staff, appointment.id);
    expect(event).toMatchObject({
      action: "rescheduled",
      actorKind: "CUSTOMER",
      actorId: f.alice,
      changes: {
        before: { startsAt: "2030-01-21T10:00:00.000Z", endsAt: "2030-01-21T11:00:00.000Z" },
        after: { startsAt: "2030-01-21T15:00:00.000Z", endsAt: "2030-01-21T16:00:00.000Z" },
      },
    });
    const outbox = await db.outboxEvent.findFirstOrThrow({ where: { appointmentId: appointment.id, type: "appointment.rescheduled" } });
    expect(outbox.payload).toMatchObject({
      version: 2,
      previous: { startsAt: "2030-01-21T10:00:00.000Z", staffId: f.amy, serviceId: f.cut },
    });
  });

  it("can move to another stylist and service, copying the new service's snapshot", async () => {
    const appointment = await booked(at("2030-01-22T10:00"));
    await db.service.update({ where: { id: f.massage }, data: { priceCents: 7000 } });
    const moved = await rescheduleAppointment(
      f.actors.staff,
      { appointmentId: appointment.id, staffId: f.ben, serviceId: f.massage, startsAt: at("2030-01-22T11:00") },
      now,
    );
    expect(moved).toMatchObject({ staffId: f.ben, serviceId: f.massage, priceCents: 7000, durationMinutes: 60 });
    const row = await db.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(row).toMatchObject({ bufferBeforeMinutes: 5, bufferAfterMinutes: 10, blockedFrom: at("2030-01-22T10:55") });
  });

  it("applies the availability rules to the new time, ignoring the appointment itself", async () => {
    const appointment = await booked(at("2030-01-23T10:00"));
    // Overlaps its own old time only: fine.
    await expect(
      rescheduleAppointment(f.actors.alice, { appointmentId: appointment.id, startsAt: at("2030-01-23T10:30") }, now),
    ).resolves.toMatchObject({ startsAt: at("2030-01-23T10:30") });
    // Outside working hours, or a stylist who does not perform the service.
    await expect(
      rescheduleAppointment(f.actors.alice, { appointmentId: appointment.id, startsAt: at("2030-01-23T18:00") }, now),
    ).rejects.toMatchObject({ code: "OUTSIDE_WORKING_HOURS" });
    await expect(rescheduleAppointment(f.actors.alice, { appointmentId: appointment.id, serviceId: f.colour }, now)).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(rescheduleAppointment(f.actors.alice, { appointmentId: appointment.id }, now)).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(moveOverridingHours(f.actors.alice, appointment.id, at("2030-01-23T18:00"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Staff may override hours.
    await expect(moveOverridingHours(f.actors.staff, appointment.id, at("2030-01-23T18:00"))).resolves.toMatchObject({
      startsAt: at("2030-01-23T18:00"),
    });
  });

  it("writes nothing (no history, no outbox, same version) when the constraint refuses the new time", async () => {
    const first = await booked(at("2030-01-24T10:00"));
    const second = await booked(at("2030-01-24T14:00"));
    const [outboxBefore, eventsBefore] = [await outboxCount(second.id), await eventCount(second.id)];
    await expect(moveOverridingHours(f.actors.staff, second.id, at("2030-01-24T10:30"))).rejects.toMatchObject({
      code: "SLOT_UNAVAILABLE",
    });
    expect(await outboxCount(second.id)).toBe(outboxBefore);
    expect(await eventCount(second.id)).toBe(eventsBefore);
    expect(await getAppointment(f.actors.staff, second.id)).toMatchObject({ version: 1, startsAt: at("2030-01-24T14:00") });
    expect(first.status).toBe("BOOKED");
  });

  it("refuses a stale expectedVersion", async () => {
    const appointment = await booked(at("2030-01-25T10:00"));
    await expect(
      rescheduleAppointment(f.actors.staff, { appointmentId: appointment.id, expectedVersion: 7, startsAt: at("2030-01-25T11:00") }, now),
    ).rejects.toMatchObject({ code: "VERSION_CONFLICT" });
  });
});

describe("cutoffs", () => {
  it("customers reschedule only before the reschedule cutoff; staff any time", async () => {
    const appointment = await booked(at("2030-01-28T10:00"));
    const lateNow = { now: new Date(at("2030-01-28T10:00").getTime() - 23 * HOUR) };
    const earlyNow = { now: new Date(at("2030-01-28T10:00").getTime() - 25 * HOUR) };
    await expect(
      rescheduleAppointment(f.actors.alice, { appointmentId: appointment.id, startsAt: at("2030-01-28T15:00") }, lateNow),
    ).rejects.toMatchObject({ code: "CUTOFF_PASSED" });
    await expect(
      rescheduleAppointment(f.actors.staff, { appointmentId: appointment.id, startsAt: at("2030-01-28T15:00") }, lateNow),
    ).resolves.toMatchObject({ version: 2 });
    // The cutoff counts from the current start (now 15:00), not the original one.
    await expect(
      rescheduleAppointment(
        f.actors.alice,
        { appointmentId: appointment.id, startsAt: at("2030-01-28T14:00") },
        {
          now: new Date(at("2030-01-28T15:00").getTime() - 23 * HOUR),
        },
      ),
    ).rejects.toMatchObject({ code: "CUTOFF_PASSED" });
    await expect(
      rescheduleAppointment(f.actors.alice, { appointmentId: appointment.id, startsAt: at("2030-01-28T14:00") }, earlyNow),
    ).resolves.toMatchObject({ startsAt: at("2030-01-28T14:00"), version: 3 });
  });

  it("customers cancel only before the cancel cutoff (relative to the real clock); staff any time", async () => {
    const soon = await booked(new Date(Date.now() + 3 * HOUR));
    await expect(cancelAppointment(f.actors.alice, { appointmentId: soon.id })).rejects.toMatchObject({ code: "CUTOFF_PASSED" });
    expect(await outboxCount(soon.id)).toBe(1); // only the booking's
    await expect(cancelAppointment(f.actors.staff, { appointmentId: soon.id, reason: "Stylist ill" })).resolves.toMatchObject({
      status: "CANCELLED",
      cancellationReason: "Stylist ill",
    });

    const later = await booked(new Date(Date.now() + 3 * 24 * HOUR));
    await expect(cancelAppointment(f.actors.alice, { appointmentId: later.id })).resolves.toMatchObject({
      status: "CANCELLED",
      cancellationReason: null,
    });
  });
});

describe("cancelAppointment", () => {
  it("keeps the row with who, why and when; history and outbox record it", async () => {
    const appointment = await booked(at("2030-02-04T10:00"));
    const cancelled = await cancelAppointment(f.actors.alice, changeOf(appointment, { reason: "Moving house" }), now);
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelledAt: NOW_2030, cancellationReason: "Moving house", version: 2 });
    const row = await db.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(row).toMatchObject({ cancelledById: f.alice, cancelledByKind: "CUSTOMER" });
    const outbox = await db.outboxEvent.findFirstOrThrow({ where: { appointmentId: appointment.id, type: "appointment.cancelled" } });
    expect(outbox.payload).toEqual({ appointmentId: appointment.id, version: 2, reason: "Moving house" });
    // The slot is free again.
    await expect(booked(at("2030-02-04T10:00"), "bob")).resolves.toMatchObject({ status: "BOOKED" });
  });

  it("requires a reason from staff", async () => {
    const appointment = await booked(at("2030-02-05T10:00"));
    await expect(cancelAppointment(f.actors.staff, { appointmentId: appointment.id }, now)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: [{ path: "reason" }],
    });
    const viaKey: Actor = { kind: "user", userId: f.admin, role: "ADMIN", apiKeyId: "admin-key" };
    await cancelAppointment(viaKey, { appointmentId: appointment.id, reason: "Salon closed" }, now);
    const row = await db.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(row).toMatchObject({ cancelledById: f.admin, cancelledByKind: "API_KEY" });
  });
});

describe("complete and no-show", () => {
  it("are for staff only", async () => {
    const appointment = await booked(at("2030-02-06T10:00"));
    const after = { now: at("2030-02-06T11:00") };
    await expect(finishAppointment(f.actors.alice, { appointmentId: appointment.id, status: "COMPLETED" }, after)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(finishAppointment(f.actors.alice, { appointmentId: appointment.id, status: "NO_SHOW" }, after)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(finishAppointment(f.actors.staff, changeOf(appointment, { status: "COMPLETED" }), after)).resolves.toMatchObject({
      status: "COMPLETED",
      version: 2,
    });
  });

  it("refuses a no-show before the start time, accepts it after", async () => {
    const appointment = await booked(at("2030-02-07T10:00"));
    await expect(
      finishAppointment(f.actors.staff, { appointmentId: appointment.id, status: "NO_SHOW" }, { now: at("2030-02-07T09:59") }),
    ).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    await expect(
      finishAppointment(f.actors.staff, { appointmentId: appointment.id, status: "NO_SHOW" }, { now: at("2030-02-07T10:00") }),
    ).resolves.toMatchObject({
      status: "NO_SHOW",
    });
    // A no-show frees nothing it did not already free, but the slot is no longer BOOKED for the constraint.
    await expect(booked(at("2030-02-07T10:00"), "bob")).resolves.toMatchObject({ status: "BOOKED" });
  });

  it("refuses every disallowed transition, changing nothing", async () => {
    const late = { now: at("2030-03-01T00:00") };
    const finished = {
      CANCELLED: await booked(at("2030-02-11T10:00")),
      COMPLETED: await booked(at("2030-02-12T10:00")),
      NO_SHOW: await booked(at("2030-02-13T10:00")),
    };
    await cancelAppointment(f.actors.staff, { appointmentId: finished.CANCELLED.id, reason: "test" }, late);
    await finishAppointment(f.actors.staff, { appointmentId: finished.COMPLETED.id, status: "COMPLETED" }, late);
    await finishAppointment(f.actors.staff, { appointmentId: finished.NO_SHOW.id, status: "NO_SHOW" }, late);

    for (const [status, appointment] of Object.entries(finished)) {
      const id = appointment.id;
      const attempts = [
        () =>
          rescheduleAppointment(f.actors.staff, { appointmentId: id, startsAt: at("2030-02-14T10:00"), overrideAvailability: true }, late),
        () => cancelAppointment(f.actors.staff, { appointmentId: id, reason: "again" }, late),
        () => finishAppointment(f.actors.staff, { appointmentId: id, status: "COMPLETED" }, late),
        () => finishAppointment(f.actors.staff, { appointmentId: id, status: "NO_SHOW" }, late),
      ];
      for (const attempt of attempts) await expect(attempt(), status).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
      expect(await getAppointment(f.actors.staff, id)).toMatchObject({ status, version: 2 });
    }
  });
});

describe("staff notes", () => {
  it("are staff-only, recorded in history, and hidden from the customer's history", async () => {
    const appointment = await booked(at("2030-02-18T10:00"));
    await expect(addStaffNote(f.actors.alice, { appointmentId: appointment.id, body: "hi" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const note = await addStaffNote(f.actors.staff, { appointmentId: appointment.id, body: "  Prefers a quiet chair  " });
    expect(note).toMatchObject({ body: "Prefers a quiet chair", authorId: f.ben });
    await expect(addStaffNote(f.actors.staff, { appointmentId: appointment.id, body: " " })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(addStaffNote(f.actors.staff, { appointmentId: "missing", body: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const staffView = await getAppointmentHistory(f.actors.staff, appointment.id);
    expect(staffView.map((event) => event.action)).toEqual(["booked", "note_added"]);
    expect(JSON.stringify(staffView)).not.toContain("quiet chair");
    const customerView = await getAppointmentHistory(f.actors.alice, appointment.id);
    expect(customerView.map((event) => event.action)).toEqual(["booked"]);
    expect(await getAppointment(f.actors.staff, appointment.id)).toMatchObject({ version: 1 });
  });
});

describe("the customer's note", () => {
  it("changes in place with a version bump and history, until the visit starts for customers; staff later", async () => {
    const appointment = await booked(at("2030-02-22T10:00"));
    const changed = await changeCustomerNote(f.actors.alice, changeOf(appointment, { note: " Allergic to latex " }), now);
    expect(changed).toMatchObject({ note: "Allergic to latex", version: 2, startsAt: appointment.startsAt });
    await expect(
      changeCustomerNote(f.actors.alice, { appointmentId: appointment.id, expectedVersion: 1, note: "stale" }, now),
    ).rejects.toMatchObject({ code: "VERSION_CONFLICT" });

    const started = { now: new Date(at("2030-02-22T10:00").getTime() + 60_000) };
    await expect(changeCustomerNote(f.actors.alice, { appointmentId: appointment.id, note: "late" }, started)).rejects.toMatchObject({
      code: "CUTOFF_PASSED",
    });
    await expect(changeCustomerNote(f.actors.staff, { appointmentId: appointment.id, note: "" }, started)).resolves.toMatchObject({
      note: null,
      version: 3,
    });
    const history = await getAppointmentHistory(f.actors.alice, appointment.id);
    expect(history.map((event) => [event.action, event.actorKind])).toEqual([
      ["booked", "STAFF"],
      ["note_changed", "CUSTOMER"],
      ["note_changed", "STAFF"],
    ]);
    const outbox = await db.outboxEvent.findMany({ where: { appointmentId: appointment.id }, orderBy: { createdAt: "asc" } });
    expect(outbox.map((event) => event.type)).toEqual(["appointment.created", "appointment.note-changed", "appointment.note-changed"]);
    // Announced for partners' webhooks only: a note emails nobody.
    expect(notificationJobs.filter((job) => job.events.includes("appointment.note-changed")).map((job) => job.id)).toEqual([
      "deliver-webhooks",
    ]);
  });

  it("cannot change once the appointment is over, nor on someone else's appointment", async () => {
    const bobs = await booked(at("2030-02-25T10:00"), "bob");
    await expect(changeCustomerNote(f.actors.alice, { appointmentId: bobs.id, note: "mine now" }, now)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await cancelAppointment(f.actors.staff, { appointmentId: bobs.id, reason: "Closed" }, now);
    await expect(changeCustomerNote(f.actors.bob, { appointmentId: bobs.id, note: "hi" }, now)).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
  });
});

describe("ownership", () => {
  it("a customer can neither see nor change another customer's appointment", async () => {
    const bobs = await booked(at("2030-02-19T10:00"), "bob");
    const early = { now: NOW_2030 };
    await expect(getAppointment(f.actors.alice, bobs.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getAppointmentHistory(f.actors.alice, bobs.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cancelAppointment(f.actors.alice, { appointmentId: bobs.id }, early)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      rescheduleAppointment(f.actors.aliceKey, { appointmentId: bobs.id, startsAt: at("2030-02-19T15:00") }, early),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getAppointment(f.actors.bob, bobs.id)).resolves.toMatchObject({ id: bobs.id, status: "BOOKED" });
  });
});

describe("history", () => {
  it("records each change with the right actor", async () => {
    const appointment = await bookAppointment(
      f.actors.aliceKey,
      { customerId: f.alice, serviceId: f.cut, staffId: f.ben, startsAt: at("2030-02-20T10:00"), source: "API" },
      now,
    );
    await rescheduleAppointment(f.actors.alice, { appointmentId: appointment.id, startsAt: at("2030-02-20T11:00") }, now);
    await rescheduleAppointment(f.actors.staff, { appointmentId: appointment.id, staffId: f.amy }, now);
    await cancelAppointment({ kind: "system" }, { appointmentId: appointment.id, reason: "Salon closed for repairs" }, now);

    const history = await getAppointmentHistory(f.actors.admin, appointment.id);
    expect(history.map(({ action, actorKind, actorId }) => ({ action, actorKind, actorId }))).toEqual([
      { action: "booked", actorKind: "API_KEY", actorId: (f.actors.aliceKey as { apiKeyId: string }).apiKeyId },
      { action: "rescheduled", actorKind: "CUSTOMER", actorId: f.alice },
      { action: "rescheduled", actorKind: "STAFF", actorId: f.ben },
      { action: "cancelled", actorKind: "SYSTEM", actorId: null },
    ]);
    expect(history[2]!.changes).toEqual({ before: { staffId: f.ben }, after: { staffId: f.amy } });
    expect(history[3]!.changes).toEqual({
      before: { status: "BOOKED", cancellationReason: null },
      after: { status: "CANCELLED", cancellationReason: "Salon closed for repairs" },
    });
    const row = await db.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(row).toMatchObject({ cancelledById: null, cancelledByKind: "SYSTEM", version: 4 });
    const outbox = await db.outboxEvent.findMany({ where: { appointmentId: appointment.id }, orderBy: { createdAt: "asc" } });
    expect(outbox.map((event) => [event.type, (event.payload as { version: number }).version])).toEqual([
      ["appointment.created", 1],
      ["appointment.rescheduled", 2],
      ["appointment.rescheduled", 3],
      ["appointment.cancelled", 4],
    ]);
  });
});
