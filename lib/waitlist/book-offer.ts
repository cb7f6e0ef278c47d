import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { AppointmentView } from "@/lib/booking/appointment-view";
import { bookAppointment } from "@/lib/booking/mutations";
import { AppError, isAppError } from "@/lib/errors";
import { bookVisit } from "@/lib/visits/mutations";
import { findOffer, type WaitlistOfferView } from "./data";
import { ZOfferSegment } from "./offer-segments";
import { markOfferTaken, spendOfferOnBooking } from "./mutations";

export const JUST_TAKEN = "Someone booked this time a moment ago. You keep your place on the waitlist.";

/**
 * Books the time an offer names, for the signed-in customer it was made to. The booking core decides the
 * race (the exclusion constraint); the offer is spent in the booking's own transaction, or marked taken
 * when the time went to someone else, and the entry then stays on the waitlist. A visit's offer books
 * the whole visit through the visit core, each segment with the stylist the offer named: all of it in
 * one transaction or nothing. Returns the booked appointment (a visit's first segment).
 */
export async function bookFromOffer(actor: Actor, offerId: string, now: Date = new Date()): Promise<AppointmentView> {
  const offer = await findOffer(offerId);
  if (!offer || actor.kind !== "user" || offer.entry.customerId !== actor.userId) {
    throw new AppError("NOT_FOUND", "That offer does not exist.");
  }
  if (offer.status === "BOOKED") throw new AppError("CONFLICT", "This offer was already used to book.");
  if (offer.status === "TAKEN") throw new AppError("SLOT_UNAVAILABLE", JUST_TAKEN);
  if (offer.holdUntil && offer.holdUntil <= now) {
    throw new AppError("SLOT_UNAVAILABLE", "Your hold on this time has ended and it went to the next person waiting.");
  }
  const customerId = actor.userId;
  try {
    return await bookOffered(actor, customerId, offer, now);
  } catch (error) {
    if (isAppError(error) && error.code === "SLOT_UNAVAILABLE") {
      await markOfferTaken(offer.id, now);
      throw new AppError("SLOT_UNAVAILABLE", JUST_TAKEN);
    }
    throw error;
  }
}

async function bookOffered(actor: Actor, customerId: string, offer: WaitlistOfferView, now: Date): Promise<AppointmentView> {
  const segments = ZOfferSegment.array().parse(offer.segments);
  if (segments.length === 0) {
    return bookAppointment(
      actor,
      { customerId, serviceId: offer.serviceId, staffId: offer.staffId, startsAt: offer.startsAt, source: "WEB" },
      { now, beforeCommit: (tx, view) => spendOfferOnBooking(tx, offer.id, view.id, now) },
    );
  }
  const visit = await bookVisit(
    actor,
    {
      customerId,
      startsAt: segments[0]!.startsAt,
      items: segments.map(({ serviceId, staffId }) => ({ serviceId, staffId })),
      source: "WEB",
    },
    { now, beforeCommit: (tx, booked) => spendOfferOnBooking(tx, offer.id, booked.segments[0]!.id, now) },
  );
  return visit.segments[0]!;
}
