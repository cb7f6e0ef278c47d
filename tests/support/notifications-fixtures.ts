import { beforeAll } from "vitest";
import { db } from "@/lib/db";
import { writeOutboxEvent } from "@/lib/notifications/mutations";
import { resetNotificationSettings } from "@/lib/notifications/settings";

/**
 * Appointments written exactly as the booking core writes them: the change and its outbox row in one
 * transaction (event version = appointment version after the change). Notification tests use these so
 * they do not depend on the booking rules.
 */

const MINUTE = 60_000;

export type SalonFixture = { customerId: string; staffId: string; serviceId: string };

/** Local-mailbox, in-process delivery: no Resend, no Inngest — the embedded default. */
export function useEmbeddedDelivery(): void {
  for (const name of ["RESEND_API_KEY", "INNGEST_EVENT_KEY", "INNGEST_DEV"]) delete process.env[name];
  resetNotificationSettings();
}

export async function seedSalon(options: { reminderLeadMinutes?: number } = {}): Promise<SalonFixture> {
  await db.salonSettings.upsert({
    where: { id: 1 },
    update: {},
    create: {
      id: 1,
      name: "Pamper & Co",
      address: "12 High Street, London N1 1AA",
      email: "hello@pamper.example",
      timezone: "Europe/London",
      reminderLeadMinutes: options.reminderLeadMinutes ?? 1440,
    },
  });
  const suffix = Math.random().toString(36).slice(2, 8);
  const customer = await db.user.create({
    data: { name: "Ada Lovelace", email: `ada-${suffix}@customer.test`, emailVerified: new Date() },
  });
  const staff = await db.user.create({
    data: {
      name: "Grace Hopper",
      email: `grace-${suffix}@staff.test`,
      role: "STYLIST",
      staffProfile: { create: { displayName: "Grace" } },
    },
  });
  const service = await db.service.create({
    data: { slug: `cut-${suffix}`, name: "Cut & blow-dry", category: "Hair", durationMinutes: 60, priceCents: 4500, currency: "GBP" },
  });
  return { customerId: customer.id, staffId: staff.id, serviceId: service.id };
}

let slot = 0;

/**
 * The usual set-up of a notification test file: embedded delivery and a seeded salon before its tests.
 * The returned fixture is filled in by then, so tests use it as they would a seeded one.
 */
export function seedSalonBeforeAll(options: Parameters<typeof seedSalon>[0] = {}): SalonFixture {
  const salon: SalonFixture = { customerId: "", staffId: "", serviceId: "" };
  beforeAll(async () => {
    useEmbeddedDelivery();
    Object.assign(salon, await seedSalon(options));
  });
  return salon;
}

/** A distinct future start for each call, so bookings never collide on the no-overlap constraint. */
export function nextStart(base = Date.parse("2030-01-07T10:00:00Z")): Date {
  return new Date(base + slot++ * 90 * MINUTE);
}

export async function bookWithOutbox(
  salon: SalonFixture,
  { startsAt = nextStart(), note = null }: { startsAt?: Date; note?: string | null } = {},
) {
  return db.$transaction(async (tx) => {
    const endsAt = new Date(startsAt.getTime() + 60 * MINUTE);
    const appointment = await tx.appointment.create({
      data: {
        customerId: salon.customerId,
        staffId: salon.staffId,
        serviceId: salon.serviceId,
        startsAt,
        endsAt,
        blockedFrom: startsAt,
        blockedUntil: endsAt,
        source: "WEB",
        customerNote: note,
        durationMinutes: 60,
        priceCents: 4500,
        currency: "GBP",
      },
    });
    await writeOutboxEvent(tx, { name: "appointment.created", data: { appointmentId: appointment.id, version: 1 } });
    return appointment;
  });
}

export async function rescheduleWithOutbox(appointmentId: string, startsAt = nextStart()) {
  return db.$transaction(async (tx) => {
    const before = await tx.appointment.findUniqueOrThrow({ where: { id: appointmentId } });
    const endsAt = new Date(startsAt.getTime() + 60 * MINUTE);
    const after = await tx.appointment.update({
      where: { id: appointmentId },
      data: {
        startsAt,
        endsAt,
        blockedFrom: startsAt,
        blockedUntil: endsAt,
        version: { increment: 1 },
        scheduleVersion: before.version + 1,
      },
    });
    await writeOutboxEvent(tx, {
      name: "appointment.rescheduled",
      data: {
        appointmentId,
        version: after.version,
        previous: {
          startsAt: before.startsAt.toISOString(),
          endsAt: before.endsAt.toISOString(),
          staffId: before.staffId,
          serviceId: before.serviceId,
        },
      },
    });
    return after;
  });
}

export async function cancelWithOutbox(appointmentId: string, reason: string | null) {
  return db.$transaction(async (tx) => {
    const after = await tx.appointment.update({
      where: { id: appointmentId },
      data: {
        status: "CANCELLED",
        cancelledAt: new Date(),
        cancellationReason: reason,
        cancelledByKind: "CUSTOMER",
        version: { increment: 1 },
      },
    });
    await writeOutboxEvent(tx, { name: "appointment.cancelled", data: { appointmentId, version: after.version, reason } });
    return after;
  });
}

export function emailsFor(appointmentId: string) {
  return db.emailMessage.findMany({ where: { appointmentId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}
