import "server-only";
import { changedPageOf, changedSince } from "@/lib/cursor";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/errors";

/** What a customer sees of a service; the admin's audit log records these fields too. */
export const serviceSummaryFields = {
  slug: true,
  name: true,
  description: true,
  category: true,
  durationMinutes: true,
  priceCents: true,
  currency: true,
  requiresPatchTest: true,
  depositCents: true,
  depositPercent: true,
  cardRequired: true,
} as const;

const serviceSummarySelect = { id: true, ...serviceSummaryFields } as const;

/** Services a customer can book, in the salon's chosen order. */
export function listActiveServices() {
  return db.service.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: serviceSummarySelect,
  });
}

export type ServiceSummary = Awaited<ReturnType<typeof listActiveServices>>[number];

const serviceDetailSelect = {
  ...serviceSummarySelect,
  bufferBeforeMinutes: true,
  bufferAfterMinutes: true,
  active: true,
  sortOrder: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type ServiceDetail = Awaited<ReturnType<typeof getService>>;

/** One service by id, active or not (staff need to see what they deactivated). */
export async function getService(id: string) {
  return orNotFound(await db.service.findUnique({ where: { id }, select: serviceDetailSelect }), `No service with id ${id}.`);
}

/** A page of services in the salon's order; inactive ones only when asked for. */
export async function listServices(options: { includeInactive?: boolean; cursorId?: string; limit: number }) {
  return db.service.findMany({
    where: options.includeInactive ? {} : { active: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: serviceDetailSelect,
    take: options.limit + 1,
    ...(options.cursorId ? { cursor: { id: options.cursorId }, skip: 1 } : {}),
  });
}

/** Sync: services changed since `since` (deactivated ones too, so a client learns they went). */
export async function listChangedServices(options: { since: Date; cursor?: string; limit: number }) {
  const sync = changedSince(options.since, options.cursor);
  const rows = await db.service.findMany({
    where: sync.where,
    orderBy: sync.orderBy,
    select: serviceDetailSelect,
    take: options.limit + 1,
  });
  return changedPageOf(rows, options.limit);
}

/** Every service (inactive ones too) with the stylists who perform it, for the admin list and editor. */
export function listServicesWithStaff() {
  return db.service.findMany({
    orderBy: [{ active: "desc" }, { sortOrder: "asc" }, { name: "asc" }],
    select: { ...serviceDetailSelect, staff: { select: { staffId: true } }, _count: { select: { appointments: true } } },
  });
}

export type ServiceWithStaff = Awaited<ReturnType<typeof listServicesWithStaff>>[number];
