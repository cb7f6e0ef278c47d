import "server-only";
import { logger } from "@/lib/logger";
import { findLapsedHolds } from "./data";
import { deliverOfferEmail } from "./deliver-offer-email";
import { handOnHold } from "./offer-freed-time";

/**
 * One-at-a-time mode without Inngest: each publisher pass hands on the freed times whose hold ended
 * unbooked, as the Inngest run does after its sleep (the hand-on is claimed once, so both never do it).
 */
export async function handOnLapsedHolds(now: Date = new Date()): Promise<{ offered: number }> {
  let offered = 0;
  for (const lapsed of await findLapsedHolds(now)) {
    const round = await handOnHold(lapsed.id, now);
    for (const offerId of round.offerIds) {
      try {
        if ((await deliverOfferEmail(offerId)).status === "sent") offered++;
      } catch (error) {
        logger.warn({ offerId, err: error instanceof Error ? error.message : String(error) }, "waitlist offer email failed");
      }
    }
  }
  return { offered };
}
