import "server-only";
import { forEachConcurrently } from "@/lib/for-each-concurrently";
import { logger } from "@/lib/logger";
import { AppError } from "@/lib/errors";
import { assertAllowedWebhookUrl } from "./address-guard";
import { disableEndpointIfFailing } from "./disable-failing-endpoint";
import { claimDueDeliveries, nextPendingAt, recordDeliveryAttempt, type ClaimedDelivery } from "./mutations";
import { postWebhook } from "./post-webhook";
import { webhookSettings } from "./settings";
import { signatureHeaders } from "./sign";

export type SendSummary = { attempted: number; succeeded: number; failed: number; nextAttemptAt: Date | null };

/** One attempt of one delivery: the guard again (DNS may have changed), sign, POST, log. */
async function attempt(delivery: ClaimedDelivery): Promise<"SUCCEEDED" | "FAILED" | "PENDING"> {
  const settings = webhookSettings();
  const body = JSON.stringify(delivery.payload);
  const startedAt = new Date();
  const headers = signatureHeaders(delivery, delivery.messageId, body, startedAt);
  let result;
  try {
    await assertAllowedWebhookUrl(delivery.url, settings);
    result = await postWebhook({
      url: delivery.url,
      headers,
      body,
      timeoutMs: settings.timeoutMs,
      allowPrivateNetworks: settings.allowPrivateNetworks,
    });
  } catch (error) {
    const message = error instanceof AppError || error instanceof Error ? error.message : String(error);
    result = { statusCode: null, responseBody: null, durationMs: 0, error: `refused: ${message}` };
  }
  const { status } = await recordDeliveryAttempt(delivery, { startedAt, requestHeaders: headers, ...result });
  if (status === "FAILED") await disableEndpointIfFailing(delivery.endpointId);
  return status;
}

/**
 * Sends every due delivery (or only `ids`), pass after pass until none is due: a pass takes the head
 * of each appointment's queue per endpoint, so the next pass sends what was waiting behind it. Each
 * delivery gets one attempt per call; later attempts follow the retry schedule.
 */
export async function sendDueWebhookDeliveries(
  options: { ids?: string[]; batchSize?: number; concurrency?: number } = {},
): Promise<SendSummary> {
  const summary: SendSummary = { attempted: 0, succeeded: 0, failed: 0, nextAttemptAt: null };
  for (;;) {
    const claimed = await claimDueDeliveries({ limit: options.batchSize ?? 50, ids: options.ids });
    if (claimed.length === 0) break;
    await forEachConcurrently(claimed, options.concurrency ?? 8, async (delivery) => {
      const status = await attempt(delivery);
      summary.attempted++;
      if (status === "SUCCEEDED") summary.succeeded++;
      else summary.failed++;
    });
  }
  summary.nextAttemptAt = await nextPendingAt(options.ids);
  if (summary.failed > 0) logger.warn({ ...summary }, "some webhook deliveries failed; they are retried on schedule");
  return summary;
}
