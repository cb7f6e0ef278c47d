import { beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { bookAppointment, cancelAppointment } from "@/lib/booking/mutations";
import { getAvailability } from "@/lib/booking/data";
import { getAppointmentRecords, listCalendarAppointments, listCalendarStaff } from "@/lib/dashboard/data";
import { db } from "@/lib/db";
import { updateSalonSettings } from "@/lib/salon/mutations";
import { listServicesWithStaff } from "@/lib/services/data";
import { setServiceStaff } from "@/lib/services/mutations";
import { getStaffForEdit } from "@/lib/staff/data";
import { addTimeOff, createStaffMember, updateStaffMember } from "@/lib/staff/mutations";
import { ZStaffProfileForm } from "@/lib/staff/schema";
import { at, createBookingFixture, NOW_2030, type BookingFixture } from "../support/booking-fixtures";

/** The dashboard's reads (calendar, appointment records) and the admin writes behind services and stylists. */

let f: BookingFixture;
beforeAll(async () => {
  f = await createBookingFixture();
});

const range = { from: at("2030-01-21T00:00"), until: at("2030-01-22T00:00") };

describe("calendar reads", () => {
  it("lists active stylists with hours and the time off that overlaps the range", async () => {
    await addTimeOff(systemActor, f.ben, { startsAt: at("2030-01-21T12:00"), endsAt: at("2030-01-23T00:00"), reason: "Course" });
    const staff = await listCalendarStaff(range);
    const ids = staff.map((member) => member.id);
    expect(ids).toContain(f.amy);
    expect(ids).not.toContain(f.inactive);
    const ben = staff.find((member) => member.id === f.ben)!;
    expect(ben.timeOff).toEqual([{ startsAt: at("2030-01-21T12:00"), endsAt: at("2030-01-23T00:00"), reason: "Course" }]);
    expect(ben.workingHours).toContainEqual({ weekday: 1, startMinute: 540, endMinute: 1020 });
    expect(await listCalendarStaff(range, f.inactive)).toHaveLength(1);
  });

  it("lists every status in the range for the given stylists, and records who did what from where", async () => {
    const options = { now: NOW_2030 };
    const booked = await bookAppointment(
      f.actors.staff,
      {
        customerId: f.alice,
        serviceId: f.cut,
        staffId: f.amy,
        startsAt: at("2030-01-21T10:00"),
        source: "DASHBOARD",
        overrideAvailability: true,
      },
      options,
    );
    const viaKey = await bookAppointment(
      f.actors.aliceKey,
      { customerId: f.alice, serviceId: f.cut, staffId: f.amy, startsAt: at("2030-01-21T14:00"), source: "API" },
      options,
    );
    await cancelAppointment(f.actors.aliceKey, { appointmentId: viaKey.id }, options);
    await db.apiKey.create({
      data: {
        id: f.actors.aliceKey.kind === "user" ? f.actors.aliceKey.apiKeyId! : "",
        name: "Partner site",
        prefix: `pb_${Date.now()}`,
        hashedKey: `hash-${Date.now()}`,
        ownerId: f.alice,
        scopes: [],
      },
    });

    const listed = await listCalendarAppointments(range, [f.amy]);
    expect(listed.map((item) => [item.id, item.status])).toEqual([
      [booked.id, "BOOKED"],
      [viaKey.id, "CANCELLED"],
    ]);
    expect(await listCalendarAppointments(range, [f.ben])).toEqual([]);

    const records = await getAppointmentRecords(viaKey.id);
    expect(records.history.map((entry) => [entry.action, entry.actor.kind, entry.actor.label])).toEqual([
      ["booked", "API_KEY", "API key “Partner site” of Alice"],
      ["cancelled", "API_KEY", "API key “Partner site” of Alice"],
    ]);
    const staffRecords = await getAppointmentRecords(booked.id);
    expect(staffRecords.history[0]!.actor).toEqual({ kind: "STAFF", label: "Ben (stylist)" });
  });
});

describe("admin writes", () => {
  const profile = (serviceIds: string[], hours: string) =>
    ZStaffProfileForm.parse({ displayName: "Zoe", color: "#123456", active: "on", serviceIds, hours1: hours, hours2: "", hours3: "" });

  it("creates a stylist whose hours and services make them bookable, and replaces them as a whole", async () => {
    const { id } = await createStaffMember(
      systemActor,
      { email: `zoe.${Date.now()}@test.test`, password: "long-enough-password", role: "STYLIST" },
      profile([f.massage], "09:00-12:00, 13:00-15:00"),
    );
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ role: "STYLIST", name: "Zoe" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);

    const { slots } = await getAvailability(
      { serviceId: f.massage, staffId: id, from: at("2030-01-21T00:00"), to: at("2030-01-22T00:00") },
      NOW_2030,
    );
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((slot) => slot.localTime < "12:00" || slot.localTime >= "13:00")).toBe(true);

    await updateStaffMember(systemActor, id, profile([f.cut], "10:00-11:00"));
    const edited = await getStaffForEdit(id, NOW_2030);
    expect(edited.serviceIds).toEqual([f.cut]);
    expect(edited.workingHours).toEqual([{ weekday: 1, startMinute: 600, endMinute: 660 }]);
  });

  it("refuses a duplicate staff email with a field error", async () => {
    const email = `dup.${Date.now()}@test.test`;
    await createStaffMember(systemActor, { email, password: "long-enough-password", role: "STYLIST" }, profile([], ""));
    await expect(
      createStaffMember(systemActor, { email, password: "long-enough-password", role: "STYLIST" }, profile([], "")),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("assigns a service's stylists and applies new settings to the next availability query", async () => {
    await setServiceStaff(systemActor, f.colour, [f.ben, f.ben]);
    const service = (await listServicesWithStaff()).find((candidate) => candidate.id === f.colour)!;
    expect(service.staff).toEqual([{ staffId: f.ben }]);

    const query = { serviceId: f.colour, staffId: f.ben, from: at("2030-01-28T00:00"), to: at("2030-01-29T00:00") };
    const settings = await db.salonSettings.findUniqueOrThrow({ where: { id: 1 } });
    await updateSalonSettings(systemActor, { ...settings, slotStepMinutes: 60 });
    const hourly = await getAvailability(query, NOW_2030);
    expect(hourly.slots.length).toBeGreaterThan(0);
    expect(hourly.slots.every((slot) => slot.localTime.endsWith(":00"))).toBe(true);
    await updateSalonSettings(systemActor, { ...settings, slotStepMinutes: 15 });
    expect((await getAvailability(query, NOW_2030)).slots.length).toBeGreaterThan(hourly.slots.length);
  });
});
