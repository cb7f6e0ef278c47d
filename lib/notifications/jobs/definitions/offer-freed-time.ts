import { deliverOfferEmail } from "@/lib/waitlist/deliver-offer-email";
import { freedTimeOf, type WaitlistTrigger } from "@/lib/waitlist/freed-time-of";
import { handOnHold, offerFreedTime, type OfferRound } from "@/lib/waitlist/offer-freed-time";
import type { JobStep, NotificationJob } from "../job";

async function sendRound(step: JobStep, round: OfferRound): Promise<void> {
  for (const offerId of round.offerIds) await step.run(`send-offer-${offerId}`, () => deliverOfferEmail(offerId));
}

/**
 * Whenever time opens, the waitlist hears of it: the matching entries get an offer email each. In
 * one-at-a-time mode the run sleeps through each hold and hands the time on while nobody books it (the
 * embedded runner cannot sleep: its sweep, handOnLapsedHolds, does the handing on there).
 */
export const offerFreedTimeJob: NotificationJob<WaitlistTrigger> = {
  id: "offer-freed-time",
  name: "Offer freed time to the waitlist",
  events: ["appointment.cancelled", "appointment.rescheduled", "appointment.no-show", "appointment.expired", "schedule.time-freed"],
  retries: 4,
  permission: "notifications.send",
  async handler({ event, step }) {
    let round = await step.run("offer-freed-time", async () => {
      const freed = await freedTimeOf(event);
      return freed ? offerFreedTime(freed) : { offerIds: [], holdUntil: null };
    });
    let offered = 0;
    for (let hold = 1; ; hold++) {
      await sendRound(step, round);
      offered += round.offerIds.length;
      const [heldOffer] = round.offerIds;
      if (!round.holdUntil || !heldOffer) return { offered };
      await step.sleepUntil(`hold-${hold}`, new Date(round.holdUntil));
      round = await step.run(`hand-on-${hold}`, () => handOnHold(heldOffer));
    }
  },
};
