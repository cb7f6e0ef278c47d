import { PrismaPg } from "@prisma/adapter-pg";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getAvailability } from "@/lib/booking/data";
import { bookAppointment } from "@/lib/booking/mutations";
import { db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { toWallClock } from "@/lib/time/zoned";
import { seedDatabase } from "@/prisma/seed";
import { at, createBookingFixture, type BookingFixture } from "../support/booking-fixtures";

/**
 * Availability end to end over the demo salon's data, the "any stylist" assignment rule, and the data
 * budget: one availability request costs one query, bounded by the range and served by indexes.
 */

// `db` creates its client lazily into this global: installing one that reports its queries first lets
// the test count what getAvailability really sends, without a test-only parameter in the product code.
const logging = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
  log: [{ emit: "event", level: "query" }],
});
(globalThis as unknown as { prisma?: unknown }).prisma = logging;
const queries: Array<{ query: string; params: string }> = [];
logging.$on("query", (event) => queries.push({ query: event.query, params: event.params }));

const NOW = new Date("2030-01-07T08:00:00Z"); // Monday 08:00 in London
const TZ = "Europe/London";
let f: BookingFixture;

beforeAll(async () => {
  await seedDatabase(db, { demoPassword: "demo-password", now: NOW });
  f = await createBookingFixture();
}, 120_000);

beforeEach(() => {
  queries.length = 0;
});

type Interval = { from: number; until: number };
const overlaps = (a: Interval, b: Interval) => a.from < b.until && b.from < a.until;

describe("getAvailability over the demo salon", () => {
  it("offers only slots that fit working hours, avoid busy time and time off, and are step-aligned", async () => {
    const from = new Date("2030-01-07T00:00:00Z");
    const to = new Date("2030-01-21T00:00:00Z");
    const service = await db.service.findUniqueOrThrow({ where: { slug: "womens-cut" } });
    const { timezone, slots } = await getAvailability({ serviceId: service.id, from, to }, NOW);
    expect(timezone).toBe(TZ);
    expect(slots.length).toBeGreaterThan(50);

    const staff = await db.staffProfile.findMany({
      include: { workingHours: true, timeOff: true, services: true },
    });
    const booked = await db.appointment.findMany({ where: { status: "BOOKED" } });
    const byId = new Map(staff.map((member) => [member.userId, member]));
    for (const slot of slots) {
      const member = byId.get(slot.staffId)!;
      expect(member.active).toBe(true);
      expect(member.services.some((link) => link.serviceId === service.id)).toBe(true);
      expect(slot.staffName).toBe(member.displayName);
      const blocked = {
        from: slot.startsAt.getTime() - service.bufferBeforeMinutes * 60_000,
        until: slot.endsAt.getTime() + service.bufferAfterMinutes * 60_000,
      };
      expect(slot.endsAt.getTime() - slot.startsAt.getTime()).toBe(service.durationMinutes * 60_000);
      expect(slot.startsAt.getTime()).toBeGreaterThanOrEqual(NOW.getTime() + 120 * 60_000);
      const wall = toWallClock(slot.startsAt.getTime(), TZ);
      expect(wall.minuteOfDay % 15).toBe(0);
      expect(slot.localDate).toBe(wall.date);
      const endMinute = wall.minuteOfDay + (blocked.until - slot.startsAt.getTime()) / 60_000;
      expect(
        member.workingHours.some((h) => h.weekday === wall.weekday && h.startMinute <= wall.minuteOfDay && endMinute <= h.endMinute),
      ).toBe(true);
      for (const off of member.timeOff) {
        expect(overlaps(blocked, { from: off.startsAt.getTime(), until: off.endsAt.getTime() })).toBe(false);
      }
      for (const appointment of booked) {
        if (appointment.staffId !== slot.staffId) continue;
        expect(overlaps(blocked, { from: appointment.blockedFrom.getTime(), until: appointment.blockedUntil.getTime() })).toBe(false);
      }
    }
    // One slot per start instant for "any stylist".
    expect(new Set(slots.map((slot) => slot.startsAt.getTime())).size).toBe(slots.length);
  });

  it("loads what it needs in one query, served by indexes and bounded by the range", async () => {
    const service = await db.service.findUniqueOrThrow({ where: { slug: "mens-cut" } });
    queries.length = 0;
    await getAvailability({ serviceId: service.id, from: new Date("2030-01-07T00:00:00Z"), to: new Date("2030-03-01T00:00:00Z") }, NOW);
    expect(queries).toHaveLength(1);

    // Replay the schedule query under EXPLAIN with sequential scans discouraged: with this little data the
    // planner would rightly scan, so this proves an index *can* serve each lookup, i.e. that one exists.
    const schedule = queries.find((entry) => entry.query.includes('"StaffProfile"'))!;
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const params = JSON.parse(schedule.params) as unknown[];
      return tx.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(`EXPLAIN ${schedule.query}`, ...params);
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("Appointment_no_overlap_per_staff");
    expect(text).toContain("TimeOff_staffId_startsAt_idx");
    expect(text).toContain("WorkingHours_staffId_weekday_idx");
  });

  it("one stylist: the same slots as that stylist's share of any-stylist, and none on a day off", async () => {
    const offRow = await db.timeOff.findFirstOrThrow({ where: { id: "seed-time-off-0" } });
    const { serviceId } = await db.staffService.findFirstOrThrow({ where: { staffId: offRow.staffId } });
    const from = new Date(offRow.startsAt.getTime() - 2 * 86_400_000);
    const to = new Date(offRow.endsAt.getTime() + 2 * 86_400_000);
    const { slots } = await getAvailability({ serviceId, staffId: offRow.staffId, from, to }, NOW);
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((slot) => slot.staffId === offRow.staffId)).toBe(true);
    expect(slots.some((slot) => slot.startsAt >= offRow.startsAt && slot.startsAt < offRow.endsAt)).toBe(false);
    const any = await getAvailability({ serviceId, from, to }, NOW);
    const own = new Set(slots.map((slot) => slot.startsAt.getTime()));
    for (const slot of any.slots) if (slot.staffId === offRow.staffId) expect(own.has(slot.startsAt.getTime())).toBe(true);
  });

  it("validates the query", async () => {
    const service = await db.service.findUniqueOrThrow({ where: { slug: "womens-cut" } });
    const from = new Date("2030-01-07T00:00:00Z");
    await expect(getAvailability({ serviceId: service.id, from, to: from }, NOW)).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(getAvailability({ serviceId: service.id, from, to: new Date("2030-04-01T00:00:00Z") }, NOW)).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(getAvailability({ serviceId: "missing", from, to: new Date("2030-01-08T00:00:00Z") }, NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("a slot it offers can be booked, and then is offered no more", async () => {
    const service = await db.service.findUniqueOrThrow({ where: { slug: "blow-dry" } });
    const customer = await db.user
      .findUniqueOrThrow({ where: { email: "demo@pamperbook.test" } })
      .catch(() => db.user.findFirstOrThrow({ where: { role: "CUSTOMER" } }));
    const range = { serviceId: service.id, from: new Date("2030-01-08T00:00:00Z"), to: new Date("2030-01-09T00:00:00Z") };
    const before = await getAvailability(range, NOW);
    const slot = before.slots[3]!;
    const booked = await bookAppointment(
      { kind: "user", userId: customer.id, role: "CUSTOMER" },
      { customerId: customer.id, serviceId: service.id, startsAt: slot.startsAt, source: "WEB" },
      { now: NOW },
    );
    expect(booked).toMatchObject({ staffId: slot.staffId, startsAt: slot.startsAt });
    const after = await getAvailability({ ...range, staffId: slot.staffId }, NOW);
    expect(after.slots.some((candidate) => candidate.startsAt.getTime() === slot.startsAt.getTime())).toBe(false);
  });
});

describe("any stylist", () => {
  const anyBooking = (startsAt: Date) =>
    bookAppointment(
      f.actors.alice,
      { customerId: f.alice, serviceId: f.cut, staffId: null, startsAt, source: "WEB" },
      { now: at("2030-01-01T08:00") },
    );

  it("assigns the stylist with the fewest booked minutes that day, ties to the first in display order", async () => {
    const first = await anyBooking(at("2030-01-14T10:00"));
    expect(first.staffId).toBe(f.amy); // tie at 0 minutes: Amy comes first
    const second = await anyBooking(at("2030-01-14T14:00"));
    expect(second.staffId).toBe(f.ben); // Amy has 70 minutes, Ben none
    const third = await anyBooking(at("2030-01-14T15:30"));
    expect(third.staffId).toBe(f.amy); // 70 each: tie again
    const fourth = await anyBooking(at("2030-01-14T15:30"));
    expect(fourth.staffId).toBe(f.ben); // only Ben is free at 15:30
    await expect(anyBooking(at("2030-01-14T15:30"))).rejects.toMatchObject({ code: "SLOT_UNAVAILABLE" });
  });

  it("availability for any stylist names the stylist a booking would get", async () => {
    const { slots } = await getAvailability(
      { serviceId: f.cut, from: at("2030-01-15T00:00"), to: at("2030-01-16T00:00") },
      at("2030-01-01T08:00"),
    );
    expect(slots[0]).toMatchObject({ staffId: f.amy, localTime: "09:00", staffName: "Amy (stylist)", localDate: "2030-01-15" });
    // Amy's lunch break: 12:00 would run into it (60 min + 10 min buffer), so Ben gets it.
    expect(slots.find((slot) => slot.localTime === "12:00")).toMatchObject({ staffId: f.ben });
    const booked = await bookAppointment(
      f.actors.bob,
      { customerId: f.bob, serviceId: f.cut, startsAt: slots[0]!.startsAt, source: "WEB" },
      { now: at("2030-01-01T08:00") },
    );
    expect(booked.staffId).toBe(slots[0]!.staffId);
  });
});
