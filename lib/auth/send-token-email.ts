import "server-only";
import { insertOrGetEmail } from "@/lib/notifications/mutations";
import { sendStoredEmail } from "@/lib/notifications/send-stored-email";
import { notificationSettings } from "@/lib/notifications/settings";
import type { EmailAttachment } from "@/lib/notifications/transport/mail-transport";
import { selectMailTransport } from "@/lib/notifications/transport/select-transport";
import { renderAuthEmail } from "./emails";
import { issueToken } from "./mutations";
import { hashToken, type TokenPurpose } from "./tokens";

/**
 * Issues a one-time link and sends it through the shared mail transport (Resend, or the local mailbox).
 * The email log (EmailMessage, which staff can read) keeps the email with its link removed: the raw link
 * exists only in the transport, so nothing staff or a database backup can read signs anyone in.
 * `path` may carry query parameters of its own; the token is appended last.
 */
export async function sendTokenEmail(purpose: TokenPurpose, user: { email: string; name: string }, path: string): Promise<void> {
  const settings = notificationSettings();
  const transport = selectMailTransport(settings);
  const raw = await issueToken(purpose, user.email);
  const link = `${settings.appUrl}${path}${path.includes("?") ? "&" : "?"}token=${raw}`;
  const sent = renderAuthEmail(purpose, user.name, link);
  const logged = renderAuthEmail(purpose, user.name, null);
  // The token's hash makes the key unique per link while never storing the raw token.
  const dedupeKey = `${sent.kind}:${hashToken(raw)}`;
  const row = await insertOrGetEmail({
    dedupeKey,
    kind: logged.kind,
    to: user.email,
    subject: logged.subject,
    html: logged.html,
    text: logged.text,
    attachments: [] satisfies EmailAttachment[],
    transport: transport.name,
  });
  // The row holds the redacted copy; the link goes out with the same send-and-record path as every email.
  await sendStoredEmail(
    { id: row.id, to: user.email, subject: sent.subject, html: sent.html, text: sent.text, attachments: [] },
    { transport, from: settings.emailFrom, idempotencyKey: dedupeKey },
  );
}
