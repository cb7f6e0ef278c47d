import "server-only";
import { isAppError } from "@/lib/errors";
import { getVisitAvailability, type AvailableVisitSlot } from "@/lib/visits/data";
import type { FreedTime } from "./data";

const DAY_MS = 86_400_000;

type VisitEntry = { serviceIds: string[]; staffId: string | null; rangeFrom: Date; rangeUntil: Date };

const overlaps = (segment: { startsAt: Date; endsAt: Date }, freed: FreedTime) =>
  segment.startsAt < freed.until && segment.endsAt > freed.from;

/** The first of the visit's segments that the freed time serves: the freed stylist's, overlapping it. */
export function freedSegmentIndex(slot: AvailableVisitSlot, freed: FreedTime): number {
  return slot.segments.findIndex((segment) => segment.staffId === freed.staffId && overlaps(segment, freed));
}

/**
 * Starts at which the entry's WHOLE visit fits and uses the freed time, as the visit booking flow would
 * offer them (the visit engine: every segment back to back, each stylist's hours, time off and
 * bookings; with "anyone" it tries every assignment in its order). A start whose layout does without
 * the freed stylist's freed time was bookable before it: not this time's to offer.
 */
export async function freeVisitSlotsWithin(freed: FreedTime, entry: VisitEntry, now: Date): Promise<AvailableVisitSlot[]> {
  // A visit starts at most a day before the segment that takes the freed time.
  const from = Math.max(freed.from.getTime() - DAY_MS, entry.rangeFrom.getTime(), now.getTime());
  const until = Math.min(freed.until.getTime(), entry.rangeUntil.getTime());
  if (until <= from) return [];
  const items = entry.serviceIds.map((serviceId) => ({ serviceId, staffId: entry.staffId }));
  try {
    const { slots } = await getVisitAvailability({ items, from: new Date(from), to: new Date(until) }, now);
    return slots.filter((slot) => freedSegmentIndex(slot, freed) >= 0);
  } catch (error) {
    // A service stopped being bookable, or the chosen stylist stopped doing one: nothing to offer.
    if (isAppError(error) && (error.code === "VALIDATION" || error.code === "NOT_FOUND")) return [];
    throw error;
  }
}
