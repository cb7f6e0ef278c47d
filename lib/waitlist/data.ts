import "server-only";
import { decodeStartsAtCursor, startsAtPageOf } from "@/lib/cursor";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { actorCan } from "@/lib/auth/permissions";
import { orNotFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashToken } from "@/lib/auth/tokens";
import { parseInput } from "@/lib/parse-input";
import { ZListWaitlistFilters, ZMinuteWindow, type TListWaitlistFilters } from "./schema";
import { offerSegments, type OfferSegment } from "./offer-segments";
import { describeWindows, type MinuteWindow } from "./windows";

export const waitlistEntrySelect = {
  id: true,
  customerId: true,
  serviceIds: true,
  staffId: true,
  fromDate: true,
  toDate: true,
  rangeUntil: true,
  windows: true,
  status: true,
  source: true,
  createdAt: true,
  customer: { select: { name: true, email: true } },
} satisfies Prisma.WaitlistEntrySelect;

export type WaitlistEntryView = Prisma.WaitlistEntryGetPayload<{ select: typeof waitlistEntrySelect }>;

/** Customers see their own entries; waitlist.manageAny the salon's; everyone else none. */
export function entriesVisibleTo(actor: Actor): Prisma.WaitlistEntryWhereInput {
  if (actorCan(actor, "waitlist.manageAny")) return {};
  if (actor.kind !== "user") return { id: { in: [] } };
  return { customerId: actor.userId };
}

/** Entries by when they were made (then id), newest last, with the shared keyset cursor. */
export async function listWaitlistEntries(
  actor: Actor,
  filters: TListWaitlistFilters = {},
): Promise<{ items: WaitlistEntryView[]; nextCursor: string | null }> {
  const { customerId, staffId, serviceId, date, status, cursor, limit } = parseInput(ZListWaitlistFilters, filters);
  const after = cursor === undefined ? undefined : decodeStartsAtCursor(cursor);
  const rows = await db.waitlistEntry.findMany({
    where: {
      AND: [
        entriesVisibleTo(actor),
        customerId ? { customerId } : {},
        staffId ? { staffId } : {},
        serviceId ? { serviceIds: { has: serviceId } } : {},
        date ? { fromDate: { lte: date }, toDate: { gte: date } } : {},
        status ? { status } : {},
        after ? { OR: [{ createdAt: { gt: after.startsAt } }, { createdAt: after.startsAt, id: { gt: after.id } }] } : {},
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: waitlistEntrySelect,
  });
  return startsAtPageOf(rows, limit, (entry) => entry.createdAt);
}

export async function getWaitlistEntry(actor: Actor, id: string): Promise<WaitlistEntryView> {
  const row = await db.waitlistEntry.findFirst({ where: { id, ...entriesVisibleTo(actor) }, select: waitlistEntrySelect });
  return orNotFound(row, "That waitlist entry does not exist.");
}

/**
 * A customer's offers still open to them (shown on "My appointments", bookable with their session). A
 * visit's offer names its freed segment, which may not be its first: it closes when the visit would
 * have begun, not when that segment would.
 */
export async function listOpenOffers(customerId: string, now: Date) {
  const offers = await db.waitlistOffer.findMany({
    where: {
      status: "OFFERED",
      startsAt: { gt: now },
      OR: [{ holdUntil: null }, { holdUntil: { gt: now } }],
      entry: { customerId, status: "ACTIVE" },
    },
    orderBy: { startsAt: "asc" },
    select: { id: true, serviceId: true, staffId: true, startsAt: true, endsAt: true, holdUntil: true, segments: true },
  });
  return offers.filter((offer) => offerSegments(offer)[0]!.startsAt > now);
}

export const offerSelect = {
  id: true,
  entryId: true,
  serviceId: true,
  staffId: true,
  startsAt: true,
  endsAt: true,
  status: true,
  holdUntil: true,
  freedFrom: true,
  freedUntil: true,
  segments: true,
  entry: { select: { customerId: true, status: true, customer: { select: { email: true, name: true } } } },
} satisfies Prisma.WaitlistOfferSelect;

export type WaitlistOfferView = Prisma.WaitlistOfferGetPayload<{ select: typeof offerSelect }>;

/** The offer a one-time link names; the database only knows the token's hash. */
export function findOfferByToken(rawToken: string): Promise<WaitlistOfferView | null> {
  return db.waitlistOffer.findUnique({ where: { tokenHash: hashToken(rawToken) }, select: offerSelect });
}

export function findOffer(id: string): Promise<WaitlistOfferView | null> {
  return db.waitlistOffer.findUnique({ where: { id }, select: offerSelect });
}

export type FreedTime = { staffId: string; from: Date; until: Date };

export type MatchingEntry = {
  id: string;
  customerId: string;
  /** The first service; a visit's services are all of `serviceIds`, in order. */
  serviceId: string;
  serviceIds: string[];
  staffId: string | null;
  fromDate: string;
  toDate: string;
  rangeFrom: Date;
  rangeUntil: Date;
  windows: MinuteWindow[];
  /** The customer already holds a BOOKED appointment that satisfies the entry. */
  alreadyBooked: boolean;
};

/**
 * The active entries a freed time could serve, in the order they were made: the range overlaps it (the
 * partial GiST index over active ranges does that cut), the stylist is theirs or "anyone", and one of
 * their services is one the stylist performs (whether a whole visit fits is the engine's question).
 * Expired entries (range over) are never returned. A single service is already booked by any BOOKED
 * appointment of it in the range; a visit only by a booked visit of the same services in the same order.
 */
export function matchingEntriesSql(freed: FreedTime, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT e."id", e."customerId", e."serviceIds"[1] AS "serviceId", e."serviceIds", e."staffId",
           e."fromDate", e."toDate", e."rangeFrom", e."rangeUntil", e."windows",
           CASE WHEN cardinality(e."serviceIds") = 1 THEN
             EXISTS (SELECT 1 FROM "Appointment" a
                      WHERE a."customerId" = e."customerId" AND a."status" = 'BOOKED'
                        AND a."serviceId" = ANY(e."serviceIds")
                        AND (e."staffId" IS NULL OR a."staffId" = e."staffId")
                        AND a."startsAt" >= e."rangeFrom" AND a."startsAt" < e."rangeUntil"
                        AND a."startsAt" > ${now}::timestamptz)
           ELSE
             EXISTS (SELECT 1 FROM "Appointment" a
                      WHERE a."customerId" = e."customerId" AND a."status" = 'BOOKED'
                        AND a."visitId" IS NOT NULL AND a."serviceId" = e."serviceIds"[1]
                        AND a."startsAt" >= e."rangeFrom" AND a."startsAt" < e."rangeUntil"
                        AND a."startsAt" > ${now}::timestamptz
                        AND (SELECT array_agg(s."serviceId" ORDER BY s."visitPosition") FROM "Appointment" s
                              WHERE s."visitId" = a."visitId" AND s."status" = 'BOOKED') = e."serviceIds"
                        AND (e."staffId" IS NULL OR NOT EXISTS (SELECT 1 FROM "Appointment" s
                              WHERE s."visitId" = a."visitId" AND s."status" = 'BOOKED' AND s."staffId" <> e."staffId")))
           END AS "alreadyBooked"
      FROM "WaitlistEntry" e
     WHERE e."status" = 'ACTIVE'
       AND tstzrange(e."rangeFrom", e."rangeUntil", '[)') && tstzrange(${freed.from}::timestamptz, ${freed.until}::timestamptz, '[)')
       AND e."rangeUntil" > ${now}::timestamptz
       AND (e."staffId" IS NULL OR e."staffId" = ${freed.staffId})
       AND e."serviceIds" && ARRAY(SELECT ss."serviceId" FROM "StaffService" ss WHERE ss."staffId" = ${freed.staffId})
     ORDER BY e."createdAt", e."id"`;
}

export function findMatchingEntries(freed: FreedTime, now: Date): Promise<MatchingEntry[]> {
  return db.$queryRaw<MatchingEntry[]>(matchingEntriesSql(freed, now));
}

/** The entries already offered some of this freed time: one entry hears of one freed time once. */
export async function entriesOfferedWithin(entryIds: string[], freed: FreedTime): Promise<Set<string>> {
  const rows = await db.waitlistOffer.findMany({
    where: { entryId: { in: entryIds }, staffId: freed.staffId, startsAt: { lt: freed.until }, endsAt: { gt: freed.from } },
    select: { entryId: true },
  });
  return new Set(rows.map((row) => row.entryId));
}

/** One-at-a-time mode: an offer of this freed time still held by its entry. */
export function findLiveHold(freed: FreedTime, now: Date) {
  return db.waitlistOffer.findFirst({
    where: {
      staffId: freed.staffId,
      status: "OFFERED",
      holdUntil: { gt: now },
      startsAt: { lt: freed.until },
      endsAt: { gt: freed.from },
    },
    select: { id: true, holdUntil: true },
  });
}

/** One-at-a-time offers whose hold ended without a booking and whose time was not handed on yet. */
export function findLapsedHolds(now: Date, limit = 50) {
  return db.waitlistOffer.findMany({
    where: { status: "OFFERED", holdUntil: { lte: now }, handedOnAt: null },
    orderBy: { holdUntil: "asc" },
    take: limit,
    select: { id: true, staffId: true, freedFrom: true, freedUntil: true },
  });
}

export function getWaitlistSettings() {
  return db.salonSettings
    .findUnique({
      where: { id: 1 },
      select: { timezone: true, maxWaitlistEntriesPerCustomer: true, waitlistOfferMode: true, waitlistHoldMinutes: true },
    })
    .then((row) => orNotFound(row, "The salon has not been set up yet."));
}

export type NamedOfferSegment = OfferSegment & { serviceName: string; stylistName: string };

/** Names for the services and stylists of many offers' segments, in two queries. */
async function nameSegments(segmentLists: OfferSegment[][]): Promise<NamedOfferSegment[][]> {
  const all = segmentLists.flat();
  const [services, staff] = await Promise.all([
    db.service.findMany({ where: { id: { in: [...new Set(all.map((s) => s.serviceId))] } }, select: { id: true, name: true } }),
    db.staffProfile.findMany({
      where: { userId: { in: [...new Set(all.map((s) => s.staffId))] } },
      select: { userId: true, displayName: true },
    }),
  ]);
  const serviceName = new Map(services.map((service) => [service.id, service.name]));
  const stylistName = new Map(staff.map((member) => [member.userId, member.displayName]));
  return segmentLists.map((segments) =>
    segments.map((segment) => ({
      ...segment,
      serviceName: serviceName.get(segment.serviceId) ?? "",
      stylistName: stylistName.get(segment.staffId) ?? "",
    })),
  );
}

/**
 * What an offer email, the offer page and "My appointments" show: every segment with its names (one for
 * a single service), the visit's start, and the services as one phrase ("Cut, then Colour").
 */
export async function offerDetails(offer: Parameters<typeof offerSegments>[0]) {
  const [segments] = await nameSegments([offerSegments(offer)]);
  return describeOffer(segments!);
}

function describeOffer(segments: NamedOfferSegment[]) {
  return {
    segments,
    startsAt: segments[0]!.startsAt,
    serviceName: segments.map((segment) => segment.serviceName).join(", then "),
    stylistName: [...new Set(segments.map((segment) => segment.stylistName))].join(" and "),
  };
}

/** The time an appointment held (buffers included): what its cancellation or no-show frees. */
export function appointmentBlockedTime(appointmentId: string) {
  return db.appointment.findUnique({
    where: { id: appointmentId },
    select: { staffId: true, status: true, blockedFrom: true, blockedUntil: true, bufferBeforeMinutes: true, bufferAfterMinutes: true },
  });
}

/** "My appointments": the customer's active entries and the offers open to them, with the names shown. */
export async function loadCustomerWaitlist(customerId: string, now: Date) {
  const [entries, offers] = await Promise.all([
    db.waitlistEntry.findMany({
      where: { customerId, status: "ACTIVE", rangeUntil: { gt: now } },
      orderBy: { createdAt: "asc" },
      select: waitlistEntrySelect,
    }),
    listOpenOffers(customerId, now),
  ]);
  const serviceIds = [...new Set(entries.flatMap((entry) => entry.serviceIds))];
  const staffIds = [...new Set(entries.flatMap((entry) => (entry.staffId ? [entry.staffId] : [])))];
  const [services, staff, offerSegmentNames] = await Promise.all([
    db.service.findMany({ where: { id: { in: serviceIds } }, select: { id: true, name: true } }),
    db.staffProfile.findMany({ where: { userId: { in: staffIds } }, select: { userId: true, displayName: true } }),
    nameSegments(offers.map(offerSegments)),
  ]);
  const serviceName = new Map(services.map((service) => [service.id, service.name]));
  const stylistName = new Map(staff.map((member) => [member.userId, member.displayName]));
  return {
    entries: entries.map((entry) => ({
      ...entry,
      serviceName: entry.serviceIds.map((id) => serviceName.get(id) ?? "").join(", then "),
      stylistName: entry.staffId ? (stylistName.get(entry.staffId) ?? "") : null,
      windowsLabel: describeWindows(ZMinuteWindow.array().parse(entry.windows)),
    })),
    offers: offers.map((offer, i) => ({ id: offer.id, ...describeOffer(offerSegmentNames[i]!) })),
  };
}
