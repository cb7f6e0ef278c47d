import "server-only";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/errors";

/** The profile fields an admin edits; the audit log snapshots the same ones. */
export const staffEditableFields = { displayName: true, color: true, bio: true, active: true } as const;

const staffSelect = {
  userId: true,
  displayName: true,
  bio: true,
  color: true,
  active: true,
  services: { select: { service: { select: { id: true, name: true } } }, orderBy: { service: { sortOrder: "asc" } } },
} as const;

type StaffRow = {
  userId: string;
  displayName: string;
  bio: string | null;
  color: string;
  active: boolean;
  services: Array<{ service: { id: string; name: string } }>;
};

export type StaffMember = {
  id: string;
  name: string;
  bio: string | null;
  color: string;
  active: boolean;
  services: Array<{ id: string; name: string }>;
};

function toStaffMember(row: StaffRow): StaffMember {
  return {
    id: row.userId,
    name: row.displayName,
    bio: row.bio,
    color: row.color,
    active: row.active,
    services: row.services.map((link) => link.service),
  };
}

/** A page of stylists in the salon's order, each with the services they perform. */
export async function listStaff(options: { includeInactive?: boolean; serviceId?: string; cursorId?: string; limit: number }) {
  const rows = await db.staffProfile.findMany({
    where: {
      ...(options.includeInactive ? {} : { active: true }),
      ...(options.serviceId ? { services: { some: { serviceId: options.serviceId } } } : {}),
    },
    orderBy: [{ sortOrder: "asc" }, { userId: "asc" }],
    select: staffSelect,
    take: options.limit + 1,
    ...(options.cursorId ? { cursor: { userId: options.cursorId }, skip: 1 } : {}),
  });
  return rows.map(toStaffMember);
}

export async function getStaffMember(id: string): Promise<StaffMember> {
  const row = await db.staffProfile.findUnique({ where: { userId: id }, select: staffSelect });
  return toStaffMember(orNotFound(row, `No staff member with id ${id}.`));
}

/** Everything the stylist editor shows: profile, account email, services, weekly hours and coming time off. */
export async function getStaffForEdit(id: string, now: Date = new Date()) {
  const found = await db.staffProfile.findUnique({
    where: { userId: id },
    select: {
      userId: true,
      ...staffEditableFields,
      user: { select: { email: true, role: true } },
      services: { select: { serviceId: true } },
      workingHours: { select: { weekday: true, startMinute: true, endMinute: true } },
      timeOff: {
        where: { endsAt: { gt: now } },
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, endsAt: true, reason: true },
      },
    },
  });
  const row = orNotFound(found, `No staff member with id ${id}.`);
  return { ...row, id: row.userId, serviceIds: row.services.map((link) => link.serviceId) };
}

export type StaffForEdit = Awaited<ReturnType<typeof getStaffForEdit>>;
