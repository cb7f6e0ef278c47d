import "server-only";
import { runAfterResponse } from "@/lib/after-response";
import { logger } from "@/lib/logger";
import { armWebhookRetryTimer } from "./retry-timer";
import { sendDueWebhookDeliveries, type SendSummary } from "./send-deliveries";

/**
 * Sends the given deliveries (a test event, a replay) once the response is out, so the API answers
 * without waiting for the partner; a failed attempt follows the retry schedule like any other.
 */
export function sendWebhooksAfterResponse(ids: string[]): Promise<SendSummary | undefined> {
  return runAfterResponse(async () => {
    try {
      const summary = await sendDueWebhookDeliveries({ ids });
      armWebhookRetryTimer(summary.nextAttemptAt);
      return summary;
    } catch (error) {
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, "sending webhooks failed; the relay retries");
      return undefined;
    }
  });
}
