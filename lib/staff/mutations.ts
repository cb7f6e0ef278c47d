import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { sqlStateOf } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TNewStaffAccount, TStaffProfile } from "./schema";
import type { WeeklyInterval } from "./weekly-hours";

/**
 * Stylist accounts and schedules. Hours and services are replaced as a whole in one transaction, so a
 * half-saved week never reaches availability. Accounts are never deleted: deactivating hides a stylist.
 */

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === "P2002" || sqlStateOf(error) === "23505";
}

async function writeHours(tx: Prisma.TransactionClient, staffId: string, hours: WeeklyInterval[]): Promise<void> {
  await tx.workingHours.deleteMany({ where: { staffId } });
  await tx.workingHours.createMany({ data: hours.map((interval) => ({ staffId, ...interval })) });
}

async function writeSchedule(tx: Prisma.TransactionClient, staffId: string, profile: TStaffProfile): Promise<void> {
  await tx.staffService.deleteMany({ where: { staffId } });
  await tx.staffService.createMany({ data: profile.serviceIds.map((serviceId) => ({ staffId, serviceId })) });
  await writeHours(tx, staffId, profile.hours);
}

/** A new team member's account with a profile, services and weekly hours; its email counts as confirmed. */
export async function createStaffMember(account: TNewStaffAccount, profile: TStaffProfile): Promise<{ id: string }> {
  const passwordHash = await hashPassword(account.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: profile.displayName, email: account.email, role: account.role, passwordHash, emailVerified: new Date() },
        select: { id: true },
      });
      const last = await tx.staffProfile.aggregate({ _max: { sortOrder: true } });
      await tx.staffProfile.create({
        data: { userId: user.id, displayName: profile.displayName, color: profile.color, bio: profile.bio, active: profile.active, sortOrder: (last._max.sortOrder ?? -1) + 1 },
      });
      await writeSchedule(tx, user.id, profile);
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "An account with this email already exists.", [{ path: "email", message: "Already registered" }]);
    throw error;
  }
}

export async function updateStaffMember(staffId: string, profile: TStaffProfile): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.staffProfile.updateMany({
      where: { userId: staffId },
      data: { displayName: profile.displayName, color: profile.color, bio: profile.bio, active: profile.active },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "That stylist does not exist.");
    await writeSchedule(tx, staffId, profile);
  });
}

/** Replaces a stylist's weekly hours as a whole (their own "My schedule" page). */
export async function setWeeklyHours(staffId: string, hours: WeeklyInterval[]): Promise<void> {
  await db.$transaction(async (tx) => {
    const profile = await tx.staffProfile.findUnique({ where: { userId: staffId }, select: { userId: true } });
    if (!profile) throw new AppError("NOT_FOUND", "That stylist does not exist.");
    await writeHours(tx, staffId, hours);
  });
}

export async function addTimeOff(staffId: string, range: { startsAt: Date; endsAt: Date; reason?: string }): Promise<void> {
  if (range.endsAt <= range.startsAt) throw new AppError("VALIDATION", "Time off must end after it starts.", [{ path: "toDate", message: "Ends before it starts" }]);
  await db.timeOff.create({ data: { staffId, startsAt: range.startsAt, endsAt: range.endsAt, reason: range.reason || null } });
}

export async function removeTimeOff(staffId: string, timeOffId: string): Promise<void> {
  await db.timeOff.deleteMany({ where: { id: timeOffId, staffId } });
}
