import "server-only";
import { logger } from "@/lib/logger";
import { sendDueWebhookDeliveries } from "./send-deliveries";

let timer: NodeJS.Timeout | undefined;
let armedFor: number | undefined;

/**
 * Without Inngest nothing durable sleeps until a retry is due, so the process keeps one timer for the
 * earliest pending attempt. It is only a shortcut: a restart loses it, and the relay's sweep sends the
 * same deliveries (claims are leased, so the two never send one twice at once).
 */
export function armWebhookRetryTimer(at: Date | null): void {
  if (!at) return;
  const due = at.getTime();
  if (armedFor !== undefined && armedFor <= due) return;
  clearTimeout(timer);
  armedFor = due;
  timer = setTimeout(
    () => {
      armedFor = undefined;
      sendDueWebhookDeliveries()
        .then((summary) => armWebhookRetryTimer(summary.nextAttemptAt))
        .catch((error: unknown) =>
          logger.warn({ err: error instanceof Error ? error.message : String(error) }, "webhook retry sweep failed; the relay retries"),
        );
    },
    Math.max(0, due - Date.now()),
  );
  // Never keeps a CLI or a test process alive.
  timer.unref();
}
