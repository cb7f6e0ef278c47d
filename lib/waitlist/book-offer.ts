import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { AppointmentView } from "@/lib/booking/appointment-view";
import { bookAppointment } from "@/lib/booking/mutations";
import { AppError, isAppError } from "@/lib/errors";
import { findOffer } from "./data";
import { markOfferTaken, spendOfferOnBooking } from "./mutations";

export const JUST_TAKEN = "Someone booked this time a moment ago. You keep your place on the waitlist.";

/**
 * Books the time an offer names, for the signed-in customer it was made to. The booking core decides the
 * race (the exclusion constraint); the offer is spent in the booking's own transaction, or marked taken
 * when the time went to someone else, and the entry then stays on the waitlist.
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
  try {
    return await bookAppointment(
      actor,
      { customerId: actor.userId, serviceId: offer.serviceId, staffId: offer.staffId, startsAt: offer.startsAt, source: "WEB" },
      { now, beforeCommit: (tx, view) => spendOfferOnBooking(tx, offer.id, view.id, now) },
    );
  } catch (error) {
    if (isAppError(error) && error.code === "SLOT_UNAVAILABLE") {
      await markOfferTaken(offer.id, now);
      throw new AppError("SLOT_UNAVAILABLE", JUST_TAKEN);
    }
    throw error;
  }
}
