import { z } from "zod";

/**
 * One segment of a visit an offer names. The offer row's own service, stylist and times name the segment
 * in the freed stylist's column (so the per-column bookkeeping of single-service offers keeps working);
 * this list is the whole visit, in order, as the email shows it and the booking asks for it.
 */
export const ZOfferSegment = z
  .object({ serviceId: z.string().min(1), staffId: z.string().min(1), startsAt: z.coerce.date(), endsAt: z.coerce.date() })
  .strict();
export type OfferSegment = z.output<typeof ZOfferSegment>;

type OfferRow = { serviceId: string; staffId: string; startsAt: Date; endsAt: Date; segments: unknown };

/** Every segment an offer books: the visit's list, or the offer itself for one service. */
export function offerSegments(offer: OfferRow): OfferSegment[] {
  const segments = ZOfferSegment.array().parse(offer.segments ?? []);
  if (segments.length > 0) return segments;
  return [{ serviceId: offer.serviceId, staffId: offer.staffId, startsAt: offer.startsAt, endsAt: offer.endsAt }];
}

export function segmentJson(segment: OfferSegment) {
  return { ...segment, startsAt: segment.startsAt.toISOString(), endsAt: segment.endsAt.toISOString() };
}
