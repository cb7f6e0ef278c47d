import "server-only";
import type { AvailableSlot } from "@/lib/booking/data";
import {
  findLiveHold,
  findMatchingEntries,
  findOffer,
  getWaitlistSettings,
  entriesOfferedWithin,
  type FreedTime,
  type MatchingEntry,
} from "./data";
import { freeSlotsWithin } from "./free-slots";
import { freedSegmentIndex, freeVisitSlotsWithin } from "./free-visit-slots";
import { createOffers, markEntriesFulfilled, markHandedOn, type NewOffer } from "./mutations";
import { startFitsWindows } from "./windows";

/** What one offering round made: plain JSON, since it is a job step's result. */
export type OfferRound = { offerIds: string[]; holdUntil: string | null };

const NOTHING: OfferRound = { offerIds: [], holdUntil: null };

const minuteOf = (localTime: string) => Number(localTime.slice(0, 2)) * 60 + Number(localTime.slice(3, 5));

function firstSuitableSlot<S extends Pick<AvailableSlot, "localDate" | "localTime">>(entry: MatchingEntry, slots: S[]): S | undefined {
  return slots.find(
    (slot) =>
      slot.localDate >= entry.fromDate && slot.localDate <= entry.toDate && startFitsWindows(minuteOf(slot.localTime), entry.windows),
  );
}

/**
 * Offers a freed time to the waitlist. Everyone matching at once by default (the exclusion constraint
 * decides who books it); in one-at-a-time mode only the longest-waiting entry, which holds it for the
 * salon's hold minutes, and nobody while a hold on this time is still running. Entries whose customer
 * has meanwhile booked a matching time are fulfilled instead of offered. An entry for a visit is offered
 * a start only when the whole visit fits; its offer records every segment.
 */
export async function offerFreedTime(freed: FreedTime, now: Date = new Date()): Promise<OfferRound> {
  const settings = await getWaitlistSettings();
  const oneAtATime = settings.waitlistOfferMode === "ONE_AT_A_TIME";
  if (oneAtATime && (await findLiveHold(freed, now))) return NOTHING;

  const entries = await findMatchingEntries(freed, now);
  await markEntriesFulfilled(entries.filter((entry) => entry.alreadyBooked).map((entry) => entry.id));
  const offered = await entriesOfferedWithin(
    entries.map((entry) => entry.id),
    freed,
  );
  const waiting = entries.filter((entry) => !entry.alreadyBooked && !offered.has(entry.id));
  if (waiting.length === 0) return NOTHING;

  // Availability per service and the part of the freed time an entry's range covers (at most 30 days).
  const slotsFor = new Map<string, Promise<AvailableSlot[]>>();
  const holdUntil = oneAtATime ? new Date(now.getTime() + settings.waitlistHoldMinutes * 60_000) : null;
  const offers: NewOffer[] = [];
  for (const entry of waiting) {
    if (entry.serviceIds.length > 1) {
      const offer = await visitOffer(freed, entry, now);
      if (!offer) continue;
      offers.push({ ...offer, holdUntil });
      if (oneAtATime) break;
      continue;
    }
    const within = {
      staffId: freed.staffId,
      from: new Date(Math.max(freed.from.getTime(), entry.rangeFrom.getTime())),
      until: new Date(Math.min(freed.until.getTime(), entry.rangeUntil.getTime())),
    };
    const key = `${entry.serviceId}|${within.from.getTime()}|${within.until.getTime()}`;
    if (!slotsFor.has(key)) slotsFor.set(key, freeSlotsWithin(within, entry.serviceId, now));
    const slot = firstSuitableSlot(entry, await slotsFor.get(key)!);
    if (!slot) continue;
    offers.push({
      entryId: entry.id,
      serviceId: entry.serviceId,
      staffId: slot.staffId,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      holdUntil,
      segments: [],
    });
    if (oneAtATime) break;
  }
  const offerIds = await createOffers(freed, offers);
  return { offerIds, holdUntil: holdUntil && offerIds.length > 0 ? holdUntil.toISOString() : null };
}

/**
 * The earliest start of the entry's visit that the freed time makes possible. The offer's own columns
 * name the segment in the freed stylist's column, so the (entry, stylist, start) key and the lookups of
 * holds and earlier offers on this freed time work as for a single service.
 */
async function visitOffer(freed: FreedTime, entry: MatchingEntry, now: Date): Promise<Omit<NewOffer, "holdUntil"> | null> {
  const slot = firstSuitableSlot(entry, await freeVisitSlotsWithin(freed, entry, now));
  if (!slot) return null;
  const freedSegment = slot.segments[freedSegmentIndex(slot, freed)]!;
  return {
    entryId: entry.id,
    serviceId: freedSegment.serviceId,
    staffId: freedSegment.staffId,
    startsAt: freedSegment.startsAt,
    endsAt: freedSegment.endsAt,
    segments: slot.segments.map(({ serviceId, staffId, startsAt, endsAt }) => ({ serviceId, staffId, startsAt, endsAt })),
  };
}

/**
 * One-at-a-time mode, once a hold has ended: unless its entry booked, the freed time goes to the next
 * entry in line. Claiming the hand-on first makes a second run (Inngest and the sweep, or a retry) a no-op.
 */
export async function handOnHold(offerId: string, now: Date = new Date()): Promise<OfferRound> {
  if (!(await markHandedOn(offerId, now))) return NOTHING;
  const offer = await findOffer(offerId);
  if (!offer) return NOTHING;
  return offerFreedTime({ staffId: offer.staffId, from: offer.freedFrom, until: offer.freedUntil }, now);
}
