import "server-only";
import { ACCOUNT_EMAIL_KIND_PREFIX } from "@/lib/auth/emails";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appointmentViewSelect, toAppointmentView, type AppointmentView } from "@/lib/booking/appointment-view";
import type { LayoutStaff } from "./calendar-layout";

/**
 * Reads for the staff dashboard. Callers have already checked the role (see lib/auth/gates.ts);
 * these take explicit arguments and never read the request.
 */

/** Active stylists (or the one asked for) with hours and time off overlapping [from, until), in salon order. */
export async function listCalendarStaff(range: { from: Date; until: Date }, staffId?: string): Promise<LayoutStaff[]> {
  const rows = await db.staffProfile.findMany({
    where: staffId ? { userId: staffId } : { active: true },
    orderBy: [{ sortOrder: "asc" }, { displayName: "asc" }, { userId: "asc" }],
    select: {
      userId: true,
      displayName: true,
      color: true,
      workingHours: {
        select: { weekday: true, startMinute: true, endMinute: true },
        orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
      },
      timeOff: {
        where: { startsAt: { lt: range.until }, endsAt: { gt: range.from } },
        select: { startsAt: true, endsAt: true, reason: true },
        orderBy: { startsAt: "asc" },
      },
    },
  });
  return rows.map(({ userId, displayName, ...rest }) => ({ id: userId, name: displayName, ...rest }));
}

/**
 * Every appointment (any status) starting in [from, until), for the given stylists. Unpaginated on
 * purpose: a calendar page must show the whole day or week, and a salon's week is a few hundred rows.
 */
export async function listCalendarAppointments(range: { from: Date; until: Date }, staffIds: string[]): Promise<CalendarAppointment[]> {
  const rows = await db.appointment.findMany({
    where: { staffId: { in: staffIds }, startsAt: { gte: range.from, lt: range.until } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { ...appointmentViewSelect, visitPosition: true, visit: { select: { segmentCount: true } } },
  });
  return rows.map(({ visitPosition, visit, ...row }) => {
    const view = toAppointmentView(row);
    // A segment of a visit of several services is drawn linked to the others ("1 of 3").
    if (!view.visitId || !visit || visit.segmentCount < 2) return view;
    return { ...view, segment: { visitId: view.visitId, position: visitPosition, count: visit.segmentCount } };
  });
}

export type VisitSegmentLabel = { visitId: string; position: number; count: number };
export type CalendarAppointment = AppointmentView & { segment?: VisitSegmentLabel };

/** Stylists for pickers (active ones, in salon order), with the services each performs. */
export async function listStaffOptions() {
  const rows = await db.staffProfile.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { displayName: "asc" }],
    select: { userId: true, displayName: true, services: { select: { serviceId: true } } },
  });
  return rows.map((row) => ({ id: row.userId, name: row.displayName, serviceIds: row.services.map((link) => link.serviceId) }));
}

export type StaffOption = Awaited<ReturnType<typeof listStaffOptions>>[number];

export type HistoryActor = { kind: string; label: string };

/** "who, from where" for each history row: a person's name, or an API key's name and its owner. */
async function actorLabels(events: Array<{ actorKind: string; actorId: string | null }>): Promise<Map<string, string>> {
  const userIds = events.filter((event) => event.actorKind !== "API_KEY" && event.actorId).map((event) => event.actorId!);
  const keyIds = events.filter((event) => event.actorKind === "API_KEY" && event.actorId).map((event) => event.actorId!);
  const [users, keys] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, staffProfile: { select: { displayName: true } } } }),
    db.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true, owner: { select: { name: true } } } }),
  ]);
  const labels = new Map<string, string>();
  for (const user of users) labels.set(user.id, user.staffProfile?.displayName ?? user.name);
  for (const key of keys) labels.set(key.id, `API key “${key.name}” of ${key.owner.name}`);
  return labels;
}

/** Staff notes (with authors), the full change history (with actor names) and the emails sent, oldest first. */
export async function getAppointmentRecords(appointmentId: string) {
  const [notes, events, emails] = await Promise.all([
    db.appointmentNote.findMany({
      where: { appointmentId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        body: true,
        createdAt: true,
        author: { select: { name: true, staffProfile: { select: { displayName: true } } } },
      },
    }),
    db.appointmentEvent.findMany({
      where: { appointmentId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, action: true, actorKind: true, actorId: true, changes: true, createdAt: true },
    }),
    db.emailMessage.findMany({
      where: { appointmentId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, to: true, subject: true, status: true, createdAt: true, sentAt: true },
    }),
  ]);
  const labels = await actorLabels(events);
  return {
    notes: notes.map((note) => ({
      id: note.id,
      body: note.body,
      createdAt: note.createdAt,
      author: note.author.staffProfile?.displayName ?? note.author.name,
    })),
    history: events.map((event) => ({
      ...event,
      actor: { kind: event.actorKind, label: (event.actorId && labels.get(event.actorId)) || "System" } satisfies HistoryActor,
    })),
    emails,
  };
}

export type AppointmentRecords = Awaited<ReturnType<typeof getAppointmentRecords>>;

const emailListSelect = {
  id: true,
  kind: true,
  to: true,
  subject: true,
  status: true,
  appointmentId: true,
  createdAt: true,
  sentAt: true,
  error: true,
} as const;

const notAccountEmail = { NOT: { kind: { startsWith: ACCOUNT_EMAIL_KIND_PREFIX } } } satisfies Prisma.EmailMessageWhereInput;

/** The email log, newest first, optionally one recipient or status; account emails only when asked for. */
export function listEmailLog(filters: {
  to?: string;
  status?: "QUEUED" | "SENT" | "FAILED";
  limit: number;
  includeAccountEmails?: boolean;
}) {
  return db.emailMessage.findMany({
    where: {
      ...(filters.to ? { to: { contains: filters.to, mode: "insensitive" as const } } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.includeAccountEmails ? {} : notAccountEmail),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filters.limit,
    select: emailListSelect,
  });
}
