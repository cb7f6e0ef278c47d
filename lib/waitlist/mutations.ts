import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { actorCan } from "@/lib/auth/permissions";
import { createOneTimeToken } from "@/lib/auth/tokens";
import { AppError, orNotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeOutboxEvent } from "@/lib/notifications/mutations";
import { parseInput } from "@/lib/parse-input";
import { widensWeek, type WeeklyInterval } from "@/lib/staff/weekly-hours";
import { toWallClock } from "@/lib/time/zoned";
import { entriesVisibleTo, waitlistEntrySelect, type FreedTime, type WaitlistEntryView } from "./data";
import { segmentJson, type OfferSegment } from "./offer-segments";
import { MAX_WAITLIST_RANGE_DAYS, ZJoinWaitlistInput, type TJoinWaitlistInput } from "./schema";
import { daysInRange, rangeInstants, toMinuteWindows } from "./windows";

type Tx = Prisma.TransactionClient;

function invalid(path: string, message: string): AppError {
  return new AppError("VALIDATION", message, [{ path, message }]);
}

/** Joining for oneself needs the booking permission; for someone else, waitlist.manageAny. */
function assertMayJoinFor(actor: Actor, customerId: string): void {
  if (actorCan(actor, "waitlist.manageAny")) return;
  if (actor.kind === "user" && actor.userId === customerId && actorCan(actor, "appointment.bookForSelf")) return;
  throw new AppError("FORBIDDEN", "Customers can only join the waitlist for themselves.");
}

/**
 * Puts a customer on the waitlist for one service or a visit (its services in order). The range starts
 * today or later and spans at most 30 days; every service must be bookable and a named stylist must
 * perform each. The customer's row is locked first, so two joins at once count one after the other
 * against the salon's cap on active entries.
 */
export async function joinWaitlist(actor: Actor, raw: TJoinWaitlistInput, now: Date = new Date()): Promise<WaitlistEntryView> {
  const input = parseInput(ZJoinWaitlistInput, raw);
  assertMayJoinFor(actor, input.customerId);
  const serviceIds = [...new Set(input.serviceIds)];
  return db.$transaction(async (tx) => {
    const settings = orNotFound(
      await tx.salonSettings.findUnique({ where: { id: 1 }, select: { timezone: true, maxWaitlistEntriesPerCustomer: true } }),
      "The salon has not been set up yet.",
    );
    const today = toWallClock(now.getTime(), settings.timezone).date;
    if (input.from < today) throw invalid("from", "The range cannot start in the past.");
    if (input.to < input.from) throw invalid("to", "The range must end on or after its first day.");
    if (daysInRange(input.from, input.to) > MAX_WAITLIST_RANGE_DAYS)
      throw invalid("to", `A waitlist entry covers at most ${MAX_WAITLIST_RANGE_DAYS} days.`);
    const services = await tx.service.findMany({ where: { id: { in: serviceIds } }, select: { active: true } });
    if (services.length < serviceIds.length) throw new AppError("NOT_FOUND", "That service does not exist.");
    if (services.some((service) => !service.active)) throw invalid("serviceIds", "That service is not available for booking.");
    if (input.staffId) {
      const performs = await tx.staffService.count({
        where: { staffId: input.staffId, serviceId: { in: serviceIds }, staff: { active: true } },
      });
      if (performs < serviceIds.length)
        throw invalid(
          "staffId",
          `That stylist does not take bookings for ${serviceIds.length > 1 ? "every service of this visit" : "this service"}.`,
        );
    }
    const customer = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${input.customerId} FOR UPDATE`;
    if (customer.length === 0) throw new AppError("NOT_FOUND", "That customer does not exist.");
    const active = await tx.waitlistEntry.count({ where: { customerId: input.customerId, status: "ACTIVE", rangeUntil: { gt: now } } });
    if (active >= settings.maxWaitlistEntriesPerCustomer) {
      throw new AppError(
        "WAITLIST_LIMIT_REACHED",
        `You are already waiting for ${active} time${active === 1 ? "" : "s"}, the most this salon takes. Leave one on "My appointments" first.`,
      );
    }
    return tx.waitlistEntry.create({
      data: {
        customerId: input.customerId,
        serviceIds: input.serviceIds,
        staffId: input.staffId ?? null,
        fromDate: input.from,
        toDate: input.to,
        ...rangeInstants(input.from, input.to, settings.timezone),
        windows: toMinuteWindows(input.windows),
        source: input.source,
      },
      select: waitlistEntrySelect,
    });
  });
}

/** Takes an entry off the waitlist (the row stays, LEFT); someone else's entry answers as missing. */
export async function leaveWaitlist(actor: Actor, entryId: string): Promise<WaitlistEntryView> {
  return db.$transaction(async (tx) => {
    const entry = orNotFound(
      await tx.waitlistEntry.findFirst({ where: { id: entryId, ...entriesVisibleTo(actor) }, select: { id: true, status: true } }),
      "That waitlist entry does not exist.",
    );
    if (entry.status !== "ACTIVE") throw new AppError("INVALID_TRANSITION", "That entry is no longer on the waitlist.");
    return tx.waitlistEntry.update({ where: { id: entry.id }, data: { status: "LEFT" }, select: waitlistEntrySelect });
  });
}

/** Entries whose customer booked a matching time meanwhile: no more offers for them. */
export async function markEntriesFulfilled(entryIds: string[]): Promise<void> {
  if (entryIds.length === 0) return;
  await db.waitlistEntry.updateMany({ where: { id: { in: entryIds }, status: "ACTIVE" }, data: { status: "FULFILLED" } });
}

export type NewOffer = {
  entryId: string;
  serviceId: string;
  staffId: string;
  startsAt: Date;
  endsAt: Date;
  holdUntil: Date | null;
  /** A visit's every segment, in order; empty for one service. */
  segments: OfferSegment[];
};

/**
 * Records offers; the unique (entry, stylist, start) key drops any an entry already had, so a freed time
 * announced twice (a retried job, two overlapping events) never reaches one entry twice. Returns the ids
 * of the offers this call created.
 */
export async function createOffers(freed: FreedTime, offers: NewOffer[]): Promise<string[]> {
  const created: string[] = [];
  for (const offer of offers) {
    const rows = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO "WaitlistOffer" ("id", "entryId", "serviceId", "staffId", "startsAt", "endsAt", "freedFrom", "freedUntil", "holdUntil", "segments")
      VALUES (gen_random_uuid()::text, ${offer.entryId}, ${offer.serviceId}, ${offer.staffId}, ${offer.startsAt}, ${offer.endsAt},
              ${freed.from}, ${freed.until}, ${offer.holdUntil}, ${JSON.stringify(offer.segments.map(segmentJson))}::jsonb)
      ON CONFLICT ("entryId", "staffId", "startsAt") DO NOTHING
      RETURNING "id"`;
    created.push(...rows.map((row) => row.id));
  }
  return created;
}

/** A fresh link for an offer still open: the raw token goes into the email only, the hash into the row. */
export async function issueOfferToken(offerId: string): Promise<string | null> {
  const { raw, hashed } = createOneTimeToken();
  const { count } = await db.waitlistOffer.updateMany({ where: { id: offerId, status: "OFFERED" }, data: { tokenHash: hashed } });
  return count === 1 ? raw : null;
}

/** Claims a lapsed hold for handing on; false when another run did it first. */
export async function markHandedOn(offerId: string, now: Date): Promise<boolean> {
  const { count } = await db.waitlistOffer.updateMany({ where: { id: offerId, handedOnAt: null }, data: { handedOnAt: now } });
  return count === 1;
}

/**
 * Inside the booking's transaction: the offer is spent and its entry fulfilled, or (someone used it a
 * moment ago) the booking rolls back.
 */
export async function spendOfferOnBooking(tx: Tx, offerId: string, appointmentId: string, now: Date): Promise<void> {
  const { count } = await tx.waitlistOffer.updateMany({
    where: { id: offerId, status: "OFFERED" },
    data: { status: "BOOKED", appointmentId, usedAt: now },
  });
  if (count !== 1) throw new AppError("CONFLICT", "This offer was already used.");
  const offer = await tx.waitlistOffer.findUniqueOrThrow({ where: { id: offerId }, select: { entryId: true } });
  await tx.waitlistEntry.update({ where: { id: offer.entryId }, data: { status: "FULFILLED" } });
}

/** The race was lost: the offer is spent as TAKEN and the entry stays on the waitlist. */
export async function markOfferTaken(offerId: string, now: Date): Promise<void> {
  await db.waitlistOffer.updateMany({ where: { id: offerId, status: "OFFERED" }, data: { status: "TAKEN", usedAt: now } });
}

/** Schedule changes that open time call this in their own transaction, so the waitlist hears of it. */
export async function announceFreedTime(tx: Tx, freed: FreedTime): Promise<void> {
  if (freed.until <= freed.from) return;
  await writeOutboxEvent(tx, {
    name: "schedule.time-freed",
    data: { staffId: freed.staffId, from: freed.from.toISOString(), until: freed.until.toISOString() },
  });
}

/**
 * Wider weekly hours open time on every coming week: the waitlist hears of the whole booking horizon,
 * and the offering finds which of those times are actually free for whom.
 */
export async function announceWidenedHours(tx: Tx, staffId: string, before: WeeklyInterval[], after: WeeklyInterval[]): Promise<void> {
  if (!widensWeek(before, after)) return;
  const settings = await tx.salonSettings.findUnique({ where: { id: 1 }, select: { bookingHorizonDays: true } });
  if (!settings) return;
  const now = Date.now();
  await announceFreedTime(tx, { staffId, from: new Date(now), until: new Date(now + settings.bookingHorizonDays * 86_400_000) });
}
