import "server-only";
import { changedPageOf, changedSince, decodeStartsAtCursor, startsAtPageOf } from "@/lib/cursor";
import { db, queryOnPool } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { actorCan } from "@/lib/auth/permissions";
import { orNotFound } from "@/lib/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/parse-input";
import { appointmentViewSelect, toAppointmentView, ZAppointmentViewRow, type AppointmentView } from "./appointment-view";
import { sqlFile } from "@/lib/sql-files";
import { computeAvailability } from "./availability";
import { assertServiceBookable, assertStylistBookable, serviceOf, toAvailabilityInput } from "./availability-input";
import { toBookingContext, ZBookingContextRow, type BookingContext } from "./booking-context";
import { visibilityScope } from "./visibility";
import { ZAvailabilityQuery, ZListAppointmentsFilters, type TAppointmentStatus, type TAvailabilityQuery } from "./schema";

/** The root client or a transaction's: the loader runs inside mutations' transactions too. */
export type QueryClient = Pick<PrismaClient, "$queryRawUnsafe">;

export type BookingContextQuery = {
  serviceId: string;
  /** null: every active stylist who performs the service. */
  staffId: string | null;
  /** Candidate starts in [from, until), epoch ms. */
  range: { from: number; until: number };
  now: number;
  /** The booking's customer, for the per-customer cap and the patch-test rule. */
  customerId?: string;
  /** The appointment being moved: its own time counts as free. */
  excludeAppointmentId?: string;
  /** The timing a moved appointment keeps (its booked snapshot) instead of the service's. */
  timing?: { durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number };
};

/** Everything availability and the booking rules read, in one statement (prisma/sql/bookingContext.sql). */
export async function loadBookingContext(client: QueryClient, query: BookingContextQuery): Promise<BookingContext> {
  const { timing } = query;
  const rows = await client.$queryRawUnsafe<unknown[]>(
    sqlFile("bookingContext"),
    query.serviceId,
    query.staffId,
    new Date(query.range.from),
    new Date(query.range.until),
    query.customerId ?? null,
    new Date(query.now),
    query.excludeAppointmentId ?? null,
    timing?.durationMinutes ?? null,
    timing?.bufferBeforeMinutes ?? null,
    timing?.bufferAfterMinutes ?? null,
  );
  return toBookingContext(ZBookingContextRow.parse(orNotFound(rows[0], "The salon has not been set up yet.")));
}

export type AvailableSlot = {
  startsAt: Date;
  endsAt: Date;
  staffId: string;
  staffName: string;
  localDate: string;
  localTime: string;
};

export type AvailabilityAnswer<S> = { timezone: string; horizonEndsAt: Date; slots: S[] };

/** The answer to an availability question: the slots with the salon's timezone and horizon. */
export function availabilityAnswer<S>(
  salon: { timezone: string; bookingHorizonDays: number },
  now: Date,
  slots: S[],
): AvailabilityAnswer<S> {
  return {
    timezone: salon.timezone,
    // Starts at or after this are never offered: a range reaching past it is cut here, not refused.
    horizonEndsAt: new Date(now.getTime() + salon.bookingHorizonDays * 86_400_000),
    slots,
  };
}

/**
 * Bookable start times for a service in [from, to): for one stylist when `staffId` is given, otherwise
 * for "any stylist", each slot carrying the stylist who would be assigned. One query, whatever the range.
 */
export async function getAvailability(query: TAvailabilityQuery, now: Date = new Date()): Promise<AvailabilityAnswer<AvailableSlot>> {
  const { serviceId, staffId, from, to, excludeAppointmentId } = parseInput(ZAvailabilityQuery, query);
  const range = { from: from.getTime(), until: to.getTime() };
  const { salon, staff: schedules } = await loadBookingContext(db, {
    serviceId,
    staffId: staffId ?? null,
    range,
    now: now.getTime(),
    excludeAppointmentId,
  });
  const service = serviceOf(salon);
  assertServiceBookable(service);
  if (staffId) assertStylistBookable(schedules[0], staffId);

  const result = computeAvailability({ ...toAvailabilityInput(salon, service, schedules, now.getTime()), range });
  const names = new Map(schedules.map((row) => [row.staffId, row.name]));
  const slots = staffId ? (result.byStaff.get(staffId) ?? []) : result.anyStaff;
  return availabilityAnswer(
    salon,
    now,
    slots.map((slot) => ({
      startsAt: new Date(slot.startsAt),
      endsAt: new Date(slot.endsAt),
      staffId: slot.staffId,
      staffName: names.get(slot.staffId) ?? "",
      localDate: slot.localDate,
      localTime: slot.localTime,
    })),
  );
}

/** The actor's visibility scope (visibility.ts) as the ORM's filter. */
export function visibleTo(actor: Actor): Prisma.AppointmentWhereInput {
  const scope = visibilityScope(actor);
  if (scope.kind === "all") return {};
  if (scope.kind === "none") return { id: { in: [] } };
  const asCustomer: Prisma.AppointmentWhereInput = { customerId: scope.userId, customer: { emailVerified: { not: null } } };
  return scope.kind === "staffOrCustomer" ? { OR: [{ staffId: scope.userId }, asCustomer] } : asCustomer;
}

/** Staff notes are for the salon: whoever manages appointments sees them (and their history rows). */
function seesStaffNotes(actor: Actor): boolean {
  return actorCan(actor, "appointment.manageAny") || actorCan(actor, "appointment.manageOwn");
}

/** Whether `actor` may see appointment `id` (one indexed lookup): gates ids taken from a request. */
export async function isAppointmentVisible(actor: Actor, id: string): Promise<boolean> {
  const row = await db.appointment.findFirst({ where: { id, ...visibleTo(actor) }, select: { id: true } });
  return row !== null;
}

export async function getAppointment(actor: Actor, id: string): Promise<AppointmentView> {
  const row = await db.appointment.findFirst({ where: { id, ...visibleTo(actor) }, select: appointmentViewSelect });
  // Someone else's appointment answers exactly like a missing one, so ids cannot be probed.
  return toAppointmentView(orNotFound(row, "That appointment does not exist."));
}

export type ListAppointmentsFilters = {
  from?: Date;
  to?: Date;
  staffId?: string;
  customerId?: string;
  status?: TAppointmentStatus;
  /** Sync: appointments changed since then (cancelled ones too), by last change instead of start. */
  updatedSince?: Date;
  cursor?: string;
  limit?: number;
};

export const DEFAULT_LIST_LIMIT = 20;
export const MAX_LIST_LIMIT = 100;

/** Appointments by start time (then id, so pages are stable), with an opaque keyset cursor. */
export async function listAppointments(
  actor: Actor,
  filters: ListAppointmentsFilters = {},
): Promise<{ items: AppointmentView[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(Math.trunc(filters.limit ?? DEFAULT_LIST_LIMIT), 1), MAX_LIST_LIMIT);
  const { from, to, staffId, customerId, status, updatedSince, cursor } = parseInput(ZListAppointmentsFilters, { ...filters, limit });
  if (updatedSince) {
    // Sync reads stay on the ORM: they are rare next to the list page, and changedSince owns their cursor.
    const filtersWhere: Prisma.AppointmentWhereInput[] = [
      visibleTo(actor),
      customerId ? { customerId } : {},
      staffId ? { staffId } : {},
      status ? { status } : {},
      from || to ? { startsAt: { ...(from && { gte: from }), ...(to && { lt: to }) } } : {},
    ];
    const sync = changedSince(updatedSince, cursor);
    const rows = await db.appointment.findMany({
      where: { AND: [...filtersWhere, sync.where] },
      orderBy: sync.orderBy,
      take: limit + 1,
      select: appointmentViewSelect,
    });
    const page = changedPageOf(rows, limit);
    return { items: page.items.map(toAppointmentView), nextCursor: page.nextCursor };
  }
  const after = cursor === undefined ? undefined : decodeStartsAtCursor(cursor);
  const scope = visibilityScope(actor);
  // On the pool, not through Prisma: the list is the API's hottest read (see queryOnPool).
  const rows = await queryOnPool(sqlFile("listAppointments"), [
    customerId ?? null,
    staffId ?? null,
    status ?? null,
    from ?? null,
    to ?? null,
    after?.startsAt ?? null,
    after?.id ?? null,
    scope.kind,
    "userId" in scope ? scope.userId : null,
    limit + 1,
  ]);
  return startsAtPageOf(
    rows.map((row) => ZAppointmentViewRow.parse(row)),
    limit,
    (row) => row.startsAt,
  );
}

export type AppointmentHistoryEntry = {
  id: string;
  action: string;
  actorKind: string;
  actorId: string | null;
  changes: unknown;
  createdAt: Date;
};

/** The audit trail, oldest first. Customers do not see staff-note events (notes are staff-only). */
export async function getAppointmentHistory(actor: Actor, id: string): Promise<AppointmentHistoryEntry[]> {
  const appointment = await db.appointment.findFirst({
    where: { id, ...visibleTo(actor) },
    select: {
      events: {
        where: seesStaffNotes(actor) ? {} : { action: { not: "note_added" } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, action: true, actorKind: true, actorId: true, changes: true, createdAt: true },
      },
    },
  });
  return orNotFound(appointment, "That appointment does not exist.").events;
}
