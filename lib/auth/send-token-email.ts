import "server-only";
import { insertOrGetEmail, markEmailFailed, markEmailSent } from "@/lib/notifications/mutations";
import { notificationSettings } from "@/lib/notifications/settings";
import type { EmailAttachment } from "@/lib/notifications/transport/mail-transport";
import { selectMailTransport } from "@/lib/notifications/transport/select-transport";
import { renderAuthEmail } from "./emails";
import { issueToken } from "./mutations";
import { hashToken, type TokenPurpose } from "./tokens";

/**
 * Issues a one-time link and sends it through the shared mail transport (Resend, or the local mailbox),
 * logged as an EmailMessage like every other email. Sent inline, not after the response: the person is
 * waiting for this email right now, and a failure should be visible to them.
 */
export async function sendTokenEmail(purpose: TokenPurpose, user: { email: string; name: string }, path: string): Promise<void> {
  const settings = notificationSettings();
  const transport = selectMailTransport(settings);
  const raw = await issueToken(purpose, user.email);
  const content = renderAuthEmail(purpose, user.name, `${settings.appUrl}${path}?token=${raw}`);
  // The token's hash makes the key unique per link while never storing the raw token twice.
  const dedupeKey = `${content.kind}:${hashToken(raw)}`;
  const row = await insertOrGetEmail({
    dedupeKey,
    kind: content.kind,
    to: user.email,
    subject: content.subject,
    html: content.html,
    text: content.text,
    attachments: [] satisfies EmailAttachment[],
    transport: transport.name,
  });
  try {
    const result = await transport.send({ from: settings.emailFrom, to: user.email, subject: content.subject, html: content.html, text: content.text, attachments: [], idempotencyKey: dedupeKey });
    await markEmailSent(row.id, { transport: transport.name, providerMessageId: result.providerMessageId });
  } catch (error) {
    await markEmailFailed(row.id, { transport: transport.name, error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
