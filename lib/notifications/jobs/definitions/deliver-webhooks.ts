import { createDeliveriesForOutboxEvent } from "@/lib/webhooks/mutations";
import { sendDueWebhookDeliveries } from "@/lib/webhooks/send-deliveries";
import { WEBHOOK_OUTBOX_EVENTS, type TWebhookOutboxEvent } from "@/lib/webhooks/events";
import type { NotificationJob } from "../job";

/** Sleeps between rounds of the retry schedule: the default schedule has 7 attempts. */
const MAX_ROUNDS = 12;

/**
 * Turns an outbox event into one delivery per subscribed endpoint, sends them, and sleeps until the
 * retry schedule's next attempt while any is pending. Under the embedded runner the sleep ends the run
 * and the sweep after each publisher pass (and the relay) sends the retries instead. It listens to
 * every outbox event the webhook catalogue delivers.
 */
export const deliverWebhooksJob: NotificationJob<TWebhookOutboxEvent> = {
  id: "deliver-webhooks",
  name: "Deliver webhooks",
  events: WEBHOOK_OUTBOX_EVENTS,
  retries: 3,
  permission: "webhooks.deliver",
  async handler({ event, step }) {
    const outboxEventId = event.id;
    if (!outboxEventId) throw new Error("deliver-webhooks needs the outbox event id");
    const ids = await step.run("create-deliveries", () => createDeliveriesForOutboxEvent(outboxEventId));
    for (let round = 0; ids.length > 0 && round < MAX_ROUNDS; round++) {
      const { nextAttemptAt } = await step.run(`send-${round}`, async () => {
        const summary = await sendDueWebhookDeliveries({ ids });
        return { nextAttemptAt: summary.nextAttemptAt?.toISOString() ?? null };
      });
      if (!nextAttemptAt) break;
      await step.sleepUntil(`wait-${round}`, new Date(nextAttemptAt));
    }
    return { deliveries: ids.length };
  },
};
