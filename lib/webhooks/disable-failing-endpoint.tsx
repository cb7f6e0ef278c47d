import "server-only";
import { render, toPlainText } from "@react-email/render";
import WebhookDisabled from "@/emails/webhook-disabled";
import { raiseAlert } from "@/lib/notifications/alert";
import { insertOrGetEmail } from "@/lib/notifications/mutations";
import { sendStoredEmail } from "@/lib/notifications/send-stored-email";
import { notificationSettings } from "@/lib/notifications/settings";
import { selectMailTransport } from "@/lib/notifications/transport/select-transport";
import { getSalonSettings } from "@/lib/salon/data";
import { adminRecipients } from "./data";
import { disableEndpointAfterFailures } from "./mutations";

/** Consecutive events that failed every attempt, over at least this long, switch an endpoint off. */
export const DISABLE_AFTER_FAILED_EVENTS = 3;
export const DISABLE_AFTER_FAILING_MS = 3 * 86_400_000;

/**
 * Called when a delivery has failed for good. An endpoint whose last three events all failed every
 * attempt, the first of them at least three days ago, is disabled (it would only pile up retries), and
 * every admin is emailed once: the email's dedupe key is the endpoint and the moment it was disabled.
 */
export async function disableEndpointIfFailing(endpointId: string, now = new Date()): Promise<boolean> {
  const disabled = await disableEndpointAfterFailures(endpointId, {
    failedEvents: DISABLE_AFTER_FAILED_EVENTS,
    failingSince: new Date(now.getTime() - DISABLE_AFTER_FAILING_MS),
    reason: `the last ${DISABLE_AFTER_FAILED_EVENTS} events failed every attempt over ${DISABLE_AFTER_FAILING_MS / 86_400_000} days`,
  });
  if (!disabled) return false;
  await raiseAlert(`Pamper Book: webhook endpoint ${disabled.url} disabled: ${disabled.reason}.`, { webhookEndpointId: endpointId });
  const settings = notificationSettings();
  const transport = selectMailTransport(settings);
  const salon = await getSalonSettings();
  const html = await render(
    <WebhookDisabled
      url={disabled.url}
      reason={`${disabled.reason}.`}
      dashboardUrl={`${settings.appUrl}/dashboard/webhooks`}
      salonName={salon.name}
      salonAddress={salon.address}
    />,
  );
  const text = toPlainText(html);
  const subject = "A webhook endpoint was disabled";
  for (const admin of await adminRecipients()) {
    const dedupeKey = `webhook-disabled:${endpointId}:${disabled.at.toISOString()}:${admin.id}`;
    const row = await insertOrGetEmail({
      dedupeKey,
      kind: "webhook-disabled",
      to: admin.email,
      subject,
      html,
      text,
      attachments: [],
      transport: transport.name,
    });
    if (row.status === "SENT") continue;
    await sendStoredEmail(row, { transport, from: settings.emailFrom, idempotencyKey: dedupeKey }).catch(() => undefined);
  }
  return true;
}
