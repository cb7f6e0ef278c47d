import type { PrismaClient } from "../lib/generated/prisma/client";
import { hashPassword } from "../lib/auth/password";
import { addDays, fromWallClock, isoWeekday, toWallClock } from "../lib/time/zoned";
import * as demo from "./seed-data";

export type SeedOptions = { demoPassword: string; now?: Date };

export type SeedSummary = { logins: Array<{ role: string; email: string }>; appointmentsCreated: number };

/** A small deterministic PRNG (mulberry32), so every seeded database gets the same demo appointments. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/**
 * Creates the demo salon. Safe to run again: rows are keyed by natural keys (emails, slugs) or fixed ids,
 * existing rows are left as they are, and demo appointments are only generated into an empty calendar.
 */
export async function seedDatabase(prisma: PrismaClient, options: SeedOptions): Promise<SeedSummary> {
  const passwordHash = await hashPassword(options.demoPassword);
  const now = options.now ?? new Date();

  return prisma.$transaction(
    async (tx) => {
      await tx.salonSettings.upsert({ where: { id: 1 }, create: { id: 1, ...demo.salon }, update: {} });

      for (const [index, service] of demo.services.entries()) {
        await tx.service.upsert({
          where: { slug: service.slug },
          create: { ...service, currency: demo.salon.currency, sortOrder: index },
          update: {},
        });
      }
      const serviceBySlug = new Map((await tx.service.findMany()).map((service) => [service.slug, service]));

      const upsertUser = (user: { email: string; name: string; phone?: string }, role: "ADMIN" | "FRONT_DESK" | "STYLIST" | "CUSTOMER") =>
        tx.user.upsert({
          where: { email: user.email },
          create: { ...user, role, passwordHash, emailVerified: now },
          update: {},
        });

      await upsertUser(demo.admin, "ADMIN");
      await upsertUser(demo.frontDesk, "FRONT_DESK");

      const stylistIds: string[] = [];
      for (const [index, stylist] of demo.stylists.entries()) {
        const user = await upsertUser({ email: stylist.email, name: stylist.name }, "STYLIST");
        stylistIds.push(user.id);
        await tx.staffProfile.upsert({
          where: { userId: user.id },
          create: { userId: user.id, displayName: stylist.name, color: stylist.color, bio: stylist.bio, sortOrder: index },
          update: {},
        });
        await tx.staffService.createMany({
          data: stylist.services.map((slug) => ({ staffId: user.id, serviceId: serviceBySlug.get(slug)!.id })),
          skipDuplicates: true,
        });
        await tx.workingHours.createMany({
          data: Object.entries(stylist.hours).flatMap(([weekday, intervals]) =>
            intervals.map(([startMinute, endMinute], i) => ({
              id: `seed-hours-${index}-${weekday}-${i}`,
              staffId: user.id,
              weekday: Number(weekday),
              startMinute,
              endMinute,
            })),
          ),
          skipDuplicates: true,
        });
      }

      const demoCustomer = await upsertUser(demo.demoCustomer, "CUSTOMER");
      const customerIds = [demoCustomer.id];
      for (const customer of demo.customers) customerIds.push((await upsertUser(customer, "CUSTOMER")).id);

      // One stylist has a day off next week, so time off shows up in the calendar and availability.
      const timeOffDate = addDays(toWallClock(now.getTime(), demo.salon.timezone).date, 8);
      await tx.timeOff.createMany({
        data: [
          {
            id: "seed-time-off-0",
            staffId: stylistIds[2]!,
            startsAt: new Date(fromWallClock(timeOffDate, 0, demo.salon.timezone)!),
            endsAt: new Date(fromWallClock(addDays(timeOffDate, 1), 0, demo.salon.timezone)!),
            reason: "Training day",
          },
        ],
        skipDuplicates: true,
      });

      const appointmentsCreated =
        (await tx.appointment.count()) === 0 ? await seedAppointments(tx, { now, stylistIds, customerIds, serviceBySlug }) : 0;

      return {
        appointmentsCreated,
        logins: [
          { role: "admin", email: demo.admin.email },
          { role: "front desk", email: demo.frontDesk.email },
          ...demo.stylists.map((stylist) => ({ role: "stylist", email: stylist.email })),
          { role: "customer", email: demo.demoCustomer.email },
        ],
      };
    },
    { timeout: 60_000 },
  );
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
type ServiceRow = Awaited<ReturnType<Tx["service"]["findMany"]>>[number];

const APPOINTMENT_LIMIT = 60;

/** Fills the past two and next three weeks with non-overlapping appointments inside working hours. */
async function seedAppointments(
  tx: Tx,
  context: { now: Date; stylistIds: string[]; customerIds: string[]; serviceBySlug: Map<string, ServiceRow> },
): Promise<number> {
  const { timezone } = demo.salon;
  const random = seededRandom(20_261_126);
  const today = toWallClock(context.now.getTime(), timezone).date;
  const step = demo.salon.slotStepMinutes;
  let count = 0;

  for (let dayOffset = -14; dayOffset <= 21 && count < APPOINTMENT_LIMIT; dayOffset++) {
    const date = addDays(today, dayOffset);
    for (const [stylistIndex, stylist] of demo.stylists.entries()) {
      const intervals = stylist.hours[isoWeekday(date) as keyof typeof stylist.hours] ?? [];
      if (intervals.length === 0 || random() > 0.45) continue;
      let remaining = 1 + Math.floor(random() * 2);
      for (const [intervalStart, intervalEnd] of intervals) {
        let cursor = intervalStart + step * Math.floor(random() * 6);
        while (remaining > 0 && count < APPOINTMENT_LIMIT) {
          const service = context.serviceBySlug.get(pick(random, stylist.services))!;
          const startMinute = cursor + service.bufferBeforeMinutes;
          const blockedEndMinute = startMinute + service.durationMinutes + service.bufferAfterMinutes;
          if (blockedEndMinute > intervalEnd) break;
          const startsAt = fromWallClock(date, startMinute, timezone);
          if (startsAt === undefined) break;
          const endsAt = startsAt + service.durationMinutes * 60_000;
          const customerId = count % 6 === 0 ? context.customerIds[0]! : pick(random, context.customerIds);
          await createSeedAppointment(tx, {
            id: `seed-appointment-${String(count).padStart(3, "0")}`,
            past: endsAt < context.now.getTime(),
            random,
            customerId,
            staffId: context.stylistIds[stylistIndex]!,
            service,
            startsAt,
            endsAt,
          });
          count++;
          remaining--;
          cursor = Math.ceil(blockedEndMinute / step) * step + step * Math.floor(random() * 4);
        }
      }
    }
  }
  return count;
}

async function createSeedAppointment(
  tx: Tx,
  input: {
    id: string;
    past: boolean;
    random: () => number;
    customerId: string;
    staffId: string;
    service: ServiceRow;
    startsAt: number;
    endsAt: number;
  },
): Promise<void> {
  const { random, service } = input;
  const roll = random();
  const status = input.past ? (roll < 0.75 ? "COMPLETED" : roll < 0.87 ? "NO_SHOW" : "CANCELLED") : roll < 0.85 ? "BOOKED" : "CANCELLED";
  const createdAt = new Date(input.startsAt - (3 + Math.floor(random() * 10)) * 86_400_000);
  const cancelled = status === "CANCELLED";
  const source = pick(random, ["WEB", "WEB", "DASHBOARD", "API"] as const);

  // Every booking is a visit; a demo appointment is a visit of one, with its own id (as the core books them).
  await tx.visit.create({ data: { id: input.id, customerId: input.customerId, segmentCount: 1, source, createdAt } });
  await tx.appointment.create({
    data: {
      id: input.id,
      visitId: input.id,
      customerId: input.customerId,
      staffId: input.staffId,
      serviceId: service.id,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      blockedFrom: new Date(input.startsAt - service.bufferBeforeMinutes * 60_000),
      blockedUntil: new Date(input.endsAt + service.bufferAfterMinutes * 60_000),
      status,
      source,
      customerNote: random() < 0.3 ? pick(random, demo.customerNotes) : null,
      durationMinutes: service.durationMinutes,
      bufferBeforeMinutes: service.bufferBeforeMinutes,
      bufferAfterMinutes: service.bufferAfterMinutes,
      priceCents: service.priceCents,
      currency: service.currency,
      createdAt,
      ...(cancelled && {
        cancelledAt: new Date(createdAt.getTime() + 86_400_000),
        cancelledById: input.customerId,
        cancelledByKind: "CUSTOMER" as const,
        cancellationReason: pick(random, demo.cancellationReasons),
      }),
      version: cancelled ? 2 : 1,
      events: {
        create: [
          {
            actorKind: source === "DASHBOARD" ? "STAFF" : source === "API" ? "API_KEY" : "CUSTOMER",
            actorId: source === "WEB" ? input.customerId : null,
            action: "booked",
            createdAt,
          },
          ...(cancelled
            ? [
                {
                  actorKind: "CUSTOMER" as const,
                  actorId: input.customerId,
                  action: "cancelled",
                  createdAt: new Date(createdAt.getTime() + 86_400_000),
                },
              ]
            : []),
        ],
      },
      ...(random() < 0.25 && {
        notes: { create: [{ authorId: input.staffId, body: pick(random, demo.staffNotes), createdAt }] },
      }),
    },
  });
}
