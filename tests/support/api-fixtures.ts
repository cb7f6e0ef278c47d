import { db } from "@/lib/db";
import { DEFAULT_KEY_LIFETIME_DAYS, expiryInDays } from "@/lib/api-keys/expiry";
import { createApiKey } from "@/lib/api-keys/mutations";
import { ADMIN_ONLY_SCOPES, API_KEY_SCOPES, type TApiKeyScope } from "@/lib/api-keys/schema";
import { systemActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { upsertTestSalon } from "./booking-fixtures";

/**
 * A small salon for API tests: UTC timezone (so wall-clock = UTC), every stylist working 08:00–20:00
 * every day, a long booking horizon and a 15-minute slot step. `day(n)` is n days from today at 00:00 UTC.
 */

export const ALL_SCOPES = [...API_KEY_SCOPES];
const DAY_MS = 86_400_000;

export function day(offsetDays: number): Date {
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  return new Date(today + offsetDays * DAY_MS);
}

/** An instant `offsetDays` from today at hh:mm UTC, as the ISO string clients send. */
export function at(offsetDays: number, hours: number, minutes = 0): string {
  return new Date(day(offsetDays).getTime() + (hours * 60 + minutes) * 60_000).toISOString();
}

let counter = 0;
const unique = (label: string) => `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export async function createSalon() {
  await upsertTestSalon({ timezone: "UTC", currency: "GBP", minNoticeMinutes: 60, bookingHorizonDays: 3650, reminderLeadMinutes: 1440 });
}

export async function createService(overrides: { durationMinutes?: number; bufferAfterMinutes?: number } = {}) {
  const slug = unique("svc").toLowerCase();
  return db.service.create({
    data: {
      slug,
      name: `Service ${slug}`,
      category: "Hair",
      durationMinutes: overrides.durationMinutes ?? 60,
      priceCents: 5000,
      currency: "GBP",
      bufferAfterMinutes: overrides.bufferAfterMinutes ?? 0,
    },
  });
}

export async function createUser(role: "CUSTOMER" | "STYLIST" | "FRONT_DESK" | "ADMIN", name = unique(role.toLowerCase())) {
  // Verified, like anyone who booked for themselves: an unverified account sees no bookings.
  return db.user.create({ data: { name, email: `${unique(role.toLowerCase())}@test.test`, role, emailVerified: new Date() } });
}

/** The smallest bookable salon: one service, one stylist who performs it, one customer. */
export async function createBookableSalon() {
  await createSalon();
  const serviceId = (await createService()).id;
  const stylistId = (await createStylist([serviceId])).id;
  const customerId = (await createUser("CUSTOMER")).id;
  return { serviceId, stylistId, customerId };
}

/** A stylist who performs `serviceIds`, working 08:00–20:00 UTC every day of the week. */
export async function createStylist(serviceIds: string[], name = unique("Stylist")) {
  const user = await createUser("STYLIST", name);
  await db.staffProfile.create({
    data: {
      userId: user.id,
      displayName: name,
      services: { create: serviceIds.map((serviceId) => ({ serviceId })) },
      workingHours: { create: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 20 * 60 })) },
    },
  });
  return user;
}

/** Every scope the owner's role may put on a key (admin-only scopes for admins only). */
async function allowedScopes(ownerId: string): Promise<TApiKeyScope[]> {
  const { role } = await db.user.findUniqueOrThrow({ where: { id: ownerId }, select: { role: true } });
  return can(role, "apiKeys.adminScopes") ? ALL_SCOPES : ALL_SCOPES.filter((scope) => !ADMIN_ONLY_SCOPES.includes(scope));
}

/**
 * A key for `ownerId` (by default with every scope its role allows); returns the secret and the bearer
 * header to send. An `expiresAt` in the past is a key that has since expired: created live (the core
 * refuses past dates), then aged in the table.
 */
export async function createKey(ownerId: string, scopes?: TApiKeyScope[], expiresAt = expiryInDays(DEFAULT_KEY_LIFETIME_DAYS)) {
  const live = expiresAt > new Date() ? expiresAt : expiryInDays(1);
  const { id, key } = await createApiKey(systemActor, {
    ownerId,
    name: unique("key"),
    scopes: scopes ?? (await allowedScopes(ownerId)),
    expiresAt: live,
  });
  if (live !== expiresAt) await db.apiKey.update({ where: { id }, data: { expiresAt } });
  return { id, key, auth: { authorization: `Bearer ${key}` } };
}

/** An appointment written straight to the table (e.g. one starting within the cutoff). */
export async function insertAppointment(args: {
  customerId: string;
  staffId: string;
  serviceId: string;
  startsAt: Date;
  minutes?: number;
}) {
  const endsAt = new Date(args.startsAt.getTime() + (args.minutes ?? 60) * 60_000);
  return db.appointment.create({
    data: {
      customerId: args.customerId,
      staffId: args.staffId,
      serviceId: args.serviceId,
      startsAt: args.startsAt,
      endsAt,
      blockedFrom: args.startsAt,
      blockedUntil: endsAt,
      source: "DASHBOARD",
      durationMinutes: args.minutes ?? 60,
      priceCents: 5000,
      currency: "GBP",
    },
  });
}
