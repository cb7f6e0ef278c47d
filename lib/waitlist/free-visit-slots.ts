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
 * bookings). The freed stylist may take any segment they perform: with "anyone" each such position is
 * asked with that stylist fixed there, so a layout the engine would fill with someone else still counts
 * when the freed stylist could take it. A start that fits without the freed time is not this time's to offer.
 */
export async function freeVisitSlotsWithin(freed: FreedTime, entry: VisitEntry, now: Date): Promise<AvailableVisitSlot[]> {
  // A visit starts at most a day before the segment that takes the freed time.
  const from = Math.max(freed.from.getTime() - DAY_MS, entry.rangeFrom.getTime(), now.getTime());
  const until = Math.min(freed.until.getTime(), entry.rangeUntil.getTime());
  if (until <= from) return [];
  const positions = entry.staffId ? [-1] : entry.serviceIds.map((_, i) => i);
  const byStart = new Map<number, AvailableVisitSlot>();
  for (const position of positions) {
    const items = entry.serviceIds.map((serviceId, i) => ({ serviceId, staffId: i === position ? freed.staffId : entry.staffId }));
    try {
      const { slots } = await getVisitAvailability({ items, from: new Date(from), to: new Date(until) }, now);
      for (const slot of slots) {
        const start = slot.startsAt.getTime();
        if (freedSegmentIndex(slot, freed) >= 0 && !byStart.has(start)) byStart.set(start, slot);
      }
    } catch (error) {
      // The freed stylist does not perform this position's service (or a service stopped being bookable).
      if (isAppError(error) && (error.code === "VALIDATION" || error.code === "NOT_FOUND")) continue;
      throw error;
    }
  }
  return [...byStart.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
