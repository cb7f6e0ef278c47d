import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A small salon for booking tests: London timezone, 15-minute steps, two stylists working Monday to
 * Saturday 09:00–17:00 (Amy also 13:00–14:00 off for lunch), one customer-facing service with a buffer
 * after and one with buffers on both sides. Dates in 2030 with an explicit `now`, so tests never depend
 * on today's date.
 */

export const TZ = "Europe/London";
/** 2030-01-07 is a Monday; London is on UTC in January, so local time = UTC. */
export const MONDAY = "2030-01-07";
export const NOW_2030 = new Date("2030-01-01T08:00:00Z");
export const at = (localDateTime: string) => new Date(`${localDateTime}:00Z`);

export type BookingFixture = {
  amy: string;
  ben: string;
  inactive: string;
  alice: string;
  bob: string;
  admin: string;
  cut: string;
  massage: string;
  colour: string;
  retired: string;
  actors: { alice: Actor; bob: Actor; staff: Actor; admin: Actor; aliceKey: Actor };
};

let counter = 0;

/**
 * The one salon row every test books against: `create` on top of day-long cutoffs and a cap high enough
 * for tests that book many appointments for one customer (booking-limits tests the cap itself); `update`
 * is what a row left by an earlier fixture changes to.
 */
export async function upsertTestSalon(
  create: Pick<Prisma.SalonSettingsCreateInput, "timezone" | "minNoticeMinutes" | "bookingHorizonDays"> &
    Partial<Prisma.SalonSettingsCreateInput>,
  update: Prisma.SalonSettingsUpdateInput = {},
): Promise<void> {
  await db.salonSettings.upsert({
    where: { id: 1 },
    create: {
      id: 1,
      name: "Test Salon",
      address: "1 Test Street",
      slotStepMinutes: 15,
      cancelCutoffMinutes: 1440,
      rescheduleCutoffMinutes: 1440,
      maxFutureBookingsPerCustomer: 100,
      ...create,
    },
    update,
  });
}

export async function createBookingFixture(
  settings: Partial<{
    cancelCutoffMinutes: number;
    rescheduleCutoffMinutes: number;
    minNoticeMinutes: number;
    bookingHorizonDays: number;
    maxFutureBookingsPerCustomer: number;
  }> = {},
): Promise<BookingFixture> {
  const suffix = `${process.pid}-${++counter}`;
  await upsertTestSalon({ timezone: TZ, minNoticeMinutes: 120, bookingHorizonDays: 60, ...settings }, settings);

  const user = (name: string, role: "CUSTOMER" | "STYLIST" | "FRONT_DESK" | "ADMIN") =>
    // Verified, like anyone who booked for themselves: an unverified account sees no bookings.
    db.user.create({
      data: { name, email: `${name.toLowerCase().replace(/\W/g, ".")}.${suffix}@test.test`, role, emailVerified: new Date() },
    });

  const service = (
    slug: string,
    data: { durationMinutes: number; bufferBeforeMinutes?: number; bufferAfterMinutes?: number; active?: boolean },
  ) =>
    db.service.create({
      data: { slug: `${slug}-${suffix}`, name: slug, category: "Test", priceCents: 4500, currency: "GBP", ...data },
    });

  const cut = await service("cut", { durationMinutes: 60, bufferAfterMinutes: 10 });
  const massage = await service("massage", { durationMinutes: 60, bufferBeforeMinutes: 5, bufferAfterMinutes: 10 });
  const colour = await service("colour", { durationMinutes: 120 });
  const retired = await service("retired", { durationMinutes: 30, active: false });

  const stylist = async (name: string, sortOrder: number, services: string[], active = true, lunch = false) => {
    const created = await user(name, "STYLIST");
    await db.staffProfile.create({ data: { userId: created.id, displayName: `${name} (stylist)`, sortOrder, active } });
    await db.staffService.createMany({ data: services.map((serviceId) => ({ staffId: created.id, serviceId })) });
    const days = [1, 2, 3, 4, 5, 6];
    await db.workingHours.createMany({
      data: days.flatMap((weekday) =>
        lunch
          ? [
              { staffId: created.id, weekday, startMinute: 540, endMinute: 780 },
              { staffId: created.id, weekday, startMinute: 840, endMinute: 1020 },
            ]
          : [{ staffId: created.id, weekday, startMinute: 540, endMinute: 1020 }],
      ),
    });
    return created.id;
  };

  const amy = await stylist("Amy", 0, [cut.id, massage.id, retired.id], true, true);
  const ben = await stylist("Ben", 1, [cut.id, massage.id]);
  const inactive = await stylist("Ivy", 2, [cut.id], false);
  const alice = (await user("Alice", "CUSTOMER")).id;
  const bob = (await user("Bob", "CUSTOMER")).id;
  const admin = (await user("Ada", "ADMIN")).id;

  return {
    amy,
    ben,
    inactive,
    alice,
    bob,
    admin,
    cut: cut.id,
    massage: massage.id,
    colour: colour.id,
    retired: retired.id,
    actors: {
      alice: { kind: "user", userId: alice, role: "CUSTOMER" },
      bob: { kind: "user", userId: bob, role: "CUSTOMER" },
      staff: { kind: "user", userId: ben, role: "FRONT_DESK" },
      admin: { kind: "user", userId: admin, role: "ADMIN" },
      aliceKey: { kind: "user", userId: alice, role: "CUSTOMER", apiKeyId: `key-${suffix}` },
    },
  };
}

/** Overlapping BOOKED pairs per stylist: must always be 0 (the invariant, checked independently of code). */
export async function countOverlappingBooked(): Promise<number> {
  const rows = await db.$queryRaw<Array<{ count: bigint }>>`
    SELECT count(*) AS count FROM "Appointment" a JOIN "Appointment" b
      ON a."staffId" = b."staffId" AND a.id < b.id
     AND a.status = 'BOOKED' AND b.status = 'BOOKED'
     AND tstzrange(a."blockedFrom", a."blockedUntil") && tstzrange(b."blockedFrom", b."blockedUntil")`;
  return Number(rows[0]!.count);
}

/** The error a promise rejects with, or undefined when it resolves. */
export async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}
