import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/prisma/seed";

async function rowCounts() {
  return {
    users: await db.user.count(),
    staff: await db.staffProfile.count(),
    services: await db.service.count(),
    staffServices: await db.staffService.count(),
    workingHours: await db.workingHours.count(),
    timeOff: await db.timeOff.count(),
    appointments: await db.appointment.count(),
    notes: await db.appointmentNote.count(),
    events: await db.appointmentEvent.count(),
    settings: await db.salonSettings.count(),
  };
}

describe("the demo seed", () => {
  const now = new Date("2030-03-04T12:00:00Z");

  it("creates the demo salon: admin, front desk, four stylists, ten services, customers and about sixty appointments", async () => {
    const summary = await seedDatabase(db, { demoPassword: "demo-password", now });
    const counts = await rowCounts();
    expect(counts).toMatchObject({ staff: 4, services: 10, settings: 1 });
    expect(counts.users).toBe(1 + 1 + 4 + 1 + 20);
    expect(counts.appointments).toBeGreaterThanOrEqual(45);
    expect(counts.appointments).toBeLessThanOrEqual(60);
    expect(summary.logins.map((login) => login.email)).toContain("customer@pamperbook.test");
    const statuses = await db.appointment.groupBy({ by: ["status"], _count: true });
    expect(statuses.map((row) => row.status).sort()).toEqual(["BOOKED", "CANCELLED", "COMPLETED", "NO_SHOW"]);
  });

  it("leaves the same row counts when run a second time", async () => {
    const before = await rowCounts();
    const summary = await seedDatabase(db, { demoPassword: "demo-password", now });
    expect(summary.appointmentsCreated).toBe(0);
    expect(await rowCounts()).toEqual(before);
  });

  it("puts every seeded appointment inside its stylist's working hours in London time", async () => {
    const appointments = await db.appointment.findMany({
      select: { startsAt: true, endsAt: true, staff: { select: { staffProfile: { select: { workingHours: true } } } } },
    });
    const { toWallClock } = await import("@/lib/time/zoned");
    for (const appointment of appointments) {
      const start = toWallClock(appointment.startsAt.getTime(), "Europe/London");
      const end = toWallClock(appointment.endsAt.getTime(), "Europe/London");
      const intervals = appointment.staff.staffProfile!.workingHours.filter((hours) => hours.weekday === start.weekday);
      const inside = intervals.some((hours) => hours.startMinute <= start.minuteOfDay && end.minuteOfDay <= hours.endMinute);
      expect(inside, `appointment at ${appointment.startsAt.toISOString()} lies outside working hours`).toBe(true);
    }
  });
});
