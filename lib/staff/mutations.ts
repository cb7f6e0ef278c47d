import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { isUniqueViolation } from "@/lib/db-errors";
import { touchCalendarFeed } from "@/lib/calendar-feed/mutations";
import { AppError, orNotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { announceFreedTime, announceWidenedHours } from "@/lib/waitlist/mutations";
import { staffEditableFields } from "./data";
import type { TNewStaffAccount, TStaffProfile } from "./schema";
import { formatDayHours, WEEKDAYS, type WeeklyInterval } from "./weekly-hours";

/**
 * Stylist accounts and schedules. Hours and services are replaced as a whole in one transaction, so a
 * half-saved week never reaches availability. Accounts are never deleted: deactivating hides a stylist.
 * Every change is audited in its own transaction.
 */

/** A week as the audit log shows it: one line per weekday, so a diff names the days that changed. */
function weekSnapshot(hours: WeeklyInterval[]): Record<string, string> {
  return Object.fromEntries(WEEKDAYS.map((day, index) => [day, formatDayHours(hours, index + 1) || "off"]));
}

async function profileSnapshot(tx: Prisma.TransactionClient, staffId: string) {
  const profile = await tx.staffProfile.findUnique({
    where: { userId: staffId },
    select: {
      ...staffEditableFields,
      services: { select: { serviceId: true }, orderBy: { serviceId: "asc" } },
    },
  });
  if (!profile) return null;
  const { services, ...fields } = profile;
  return { ...fields, serviceIds: services.map((service) => service.serviceId) };
}

async function writeHours(
  tx: Prisma.TransactionClient,
  actor: Actor,
  staff: { userId: string; displayName: string },
  hours: WeeklyInterval[],
): Promise<void> {
  const hoursBefore = await tx.workingHours.findMany({
    where: { staffId: staff.userId },
    select: { weekday: true, startMinute: true, endMinute: true },
  });
  await tx.workingHours.deleteMany({ where: { staffId: staff.userId } });
  await tx.workingHours.createMany({ data: hours.map((interval) => ({ staffId: staff.userId, ...interval })) });
  await announceWidenedHours(tx, staff.userId, hoursBefore, hours);
  await recordAudit(tx, actor, {
    entity: { kind: "working-hours", id: staff.userId, label: staff.displayName },
    action: "changed",
    before: weekSnapshot(hoursBefore),
    after: weekSnapshot(hours),
  });
}

async function writeSchedule(tx: Prisma.TransactionClient, actor: Actor, staffId: string, profile: TStaffProfile): Promise<void> {
  await tx.staffService.deleteMany({ where: { staffId } });
  await tx.staffService.createMany({ data: profile.serviceIds.map((serviceId) => ({ staffId, serviceId })) });
  await writeHours(tx, actor, { userId: staffId, displayName: profile.displayName }, profile.hours);
}

/** A new team member's account with a profile, services and weekly hours; its email counts as confirmed. */
export async function createStaffMember(actor: Actor, account: TNewStaffAccount, profile: TStaffProfile): Promise<{ id: string }> {
  const passwordHash = await hashPassword(account.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: profile.displayName, email: account.email, role: account.role, passwordHash, emailVerified: new Date() },
        select: { id: true },
      });
      const last = await tx.staffProfile.aggregate({ _max: { sortOrder: true } });
      await tx.staffProfile.create({
        data: {
          userId: user.id,
          displayName: profile.displayName,
          color: profile.color,
          bio: profile.bio,
          active: profile.active,
          sortOrder: (last._max.sortOrder ?? -1) + 1,
        },
      });
      await writeSchedule(tx, actor, user.id, profile);
      await recordAudit(tx, actor, {
        entity: { kind: "account", id: user.id, label: account.email },
        action: "created",
        after: { email: account.email, role: account.role },
      });
      await recordAudit(tx, actor, {
        entity: { kind: "stylist", id: user.id, label: profile.displayName },
        action: "created",
        after: await profileSnapshot(tx, user.id),
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "An account with this email already exists.", [{ path: "email", message: "Already registered" }]);
    throw error;
  }
}

export async function updateStaffMember(actor: Actor, staffId: string, profile: TStaffProfile): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await profileSnapshot(tx, staffId);
    const { count } = await tx.staffProfile.updateMany({
      where: { userId: staffId },
      data: { displayName: profile.displayName, color: profile.color, bio: profile.bio, active: profile.active },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "That stylist does not exist.");
    await writeSchedule(tx, actor, staffId, profile);
    await recordAudit(tx, actor, {
      entity: { kind: "stylist", id: staffId, label: profile.displayName },
      action: "updated",
      before,
      after: await profileSnapshot(tx, staffId),
    });
  });
}

/** Replaces a stylist's weekly hours as a whole (their own "My schedule" page). */
export async function setWeeklyHours(actor: Actor, staffId: string, hours: WeeklyInterval[]): Promise<void> {
  await db.$transaction(async (tx) => {
    const profile = orNotFound(
      await tx.staffProfile.findUnique({ where: { userId: staffId }, select: { userId: true, displayName: true } }),
      "That stylist does not exist.",
    );
    await writeHours(tx, actor, profile, hours);
  });
}

const timeOffSnapshot = (row: { startsAt: Date; endsAt: Date; reason: string | null }) => ({
  startsAt: row.startsAt,
  endsAt: row.endsAt,
  reason: row.reason,
});

export async function addTimeOff(actor: Actor, staffId: string, range: { startsAt: Date; endsAt: Date; reason?: string }): Promise<void> {
  if (range.endsAt <= range.startsAt)
    throw new AppError("VALIDATION", "Time off must end after it starts.", [{ path: "toDate", message: "Ends before it starts" }]);
  await db.$transaction(async (tx) => {
    const row = await tx.timeOff.create({
      data: { staffId, startsAt: range.startsAt, endsAt: range.endsAt, reason: range.reason || null },
      include: { staff: { select: { displayName: true } } },
    });
    await recordAudit(tx, actor, {
      entity: { kind: "time-off", id: staffId, label: row.staff.displayName },
      action: "added",
      after: timeOffSnapshot(row),
    });
  });
}

export async function removeTimeOff(actor: Actor, staffId: string, timeOffId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.timeOff.findFirst({ where: { id: timeOffId, staffId }, include: { staff: { select: { displayName: true } } } });
    if (!row) return;
    await tx.timeOff.delete({ where: { id: row.id } });
    await touchCalendarFeed(tx, staffId);
    await announceFreedTime(tx, { staffId, from: row.startsAt, until: row.endsAt });
    await recordAudit(tx, actor, {
      entity: { kind: "time-off", id: staffId, label: row.staff.displayName },
      action: "removed",
      before: timeOffSnapshot(row),
    });
  });
}
