import { logger } from "@/lib/logger";
import { notificationSettings } from "./settings";

export type JobFailure = { jobId: string; error: unknown; event?: { name?: string; data?: unknown } };

/**
 * Tells a human that something needs attention: always an error log line with `alert: true` (for log
 * based alerting), and a Slack-compatible `{ text }` POST when ALERT_WEBHOOK_URL is set. Never throws:
 * a broken alert channel must not turn into a second failure.
 */
export async function raiseAlert(text: string, details: Record<string, unknown> = {}): Promise<void> {
  logger.error({ alert: true, ...details }, text);
  const url = notificationSettings().alertWebhookUrl;
  if (!url) return;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) logger.warn({ status: response.status }, "alert webhook refused the alert");
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, "alert webhook unreachable");
  }
}

/** The alert for a notification job that ran out of retries (Inngest `onFailure`, or the embedded runner). */
export function alertJobFailure({ jobId, error, event }: JobFailure): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const data = (event?.data ?? {}) as { appointmentId?: unknown; version?: unknown };
  const subject = data.appointmentId ? ` for appointment ${String(data.appointmentId)} (v${String(data.version)})` : "";
  return raiseAlert(`Pamper Book: notification job "${jobId}" failed${subject}: ${message}`, {
    jobId,
    event: event?.name,
    appointmentId: data.appointmentId,
    err: message,
  });
}
