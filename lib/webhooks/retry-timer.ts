import "server-only";
import { backgroundWorkStopped, onBackgroundStop, trackBackgroundWork } from "@/lib/background-work";
import { logger } from "@/lib/logger";
import { sendDueWebhookDeliveries } from "./send-deliveries";

let timer: NodeJS.Timeout | undefined;
let armedFor: number | undefined;

function disarm(): void {
  clearTimeout(timer);
  timer = undefined;
  armedFor = undefined;
}

onBackgroundStop(disarm);

/**
 * Without Inngest nothing durable sleeps until a retry is due, so the process keeps one timer for the
 * earliest pending attempt. It is only a shortcut: a restart loses it, and the relay's sweep sends the
 * same deliveries (claims are leased, so the two never send one twice at once).
 */
export function armWebhookRetryTimer(at: Date | null): void {
  if (!at || backgroundWorkStopped()) return;
  const due = at.getTime();
  if (armedFor !== undefined && armedFor <= due) return;
  disarm();
  armedFor = due;
  timer = setTimeout(
    () => {
      armedFor = undefined;
      // Nobody awaits a timer; stopBackgroundWork waits for its sweep, whose errors are logged here.
      void trackBackgroundWork(
        sendDueWebhookDeliveries()
          .then((summary) => armWebhookRetryTimer(summary.nextAttemptAt))
          .catch((error: unknown) =>
            logger.warn({ err: error instanceof Error ? error.message : String(error) }, "webhook retry sweep failed; the relay retries"),
          ),
      );
    },
    Math.max(0, due - Date.now()),
  );
  // Never keeps a CLI or a test process alive.
  timer.unref();
}
