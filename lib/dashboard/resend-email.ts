import "server-only";
import { isAccountEmailKind } from "@/lib/auth/emails";
import { takeEmailRequestAllowance } from "@/lib/auth/mutations";
import { AppError } from "@/lib/errors";
import { markEmailFailed, markEmailSent } from "@/lib/notifications/mutations";
import { notificationSettings } from "@/lib/notifications/settings";
import type { EmailAttachment } from "@/lib/notifications/transport/mail-transport";
import { selectMailTransport } from "@/lib/notifications/transport/select-transport";
import { rateLimitedMessage } from "@/lib/rate-limit/policies";
import { getEmailMessage } from "./data";
import { insertResendCopy } from "./mutations";

/**
 * Sends a logged email again, exactly as stored, through the current transport; returns the new log row's
 * id. Account emails are refused: their stored copy has no link, and a one-time link is never re-sent
 * by staff (the person asks for a new one). Limited per recipient and per IP like the account forms, so
 * the button cannot flood a customer's inbox.
 */
export async function resendEmail(emailId: string, ip: string | null = null, now = new Date()): Promise<string> {
  const original = await getEmailMessage(emailId);
  if (!original) throw new AppError("NOT_FOUND", "That email does not exist.");
  if (isAccountEmailKind(original.kind)) {
    throw new AppError("FORBIDDEN", "Account emails cannot be resent: the person can ask for a new link on the sign-in page.");
  }
  if (!(await takeEmailRequestAllowance("resend-email", original.to, ip, now))) throw new AppError("RATE_LIMITED", rateLimitedMessage(now));
  const settings = notificationSettings();
  const transport = selectMailTransport(settings);
  const copy = await insertResendCopy(original, transport.name);
  try {
    const result = await transport.send({
      emailId: copy.id,
      from: settings.emailFrom,
      to: copy.to,
      subject: copy.subject,
      html: copy.html,
      text: copy.text,
      attachments: copy.attachments as EmailAttachment[],
      idempotencyKey: `resend:${copy.id}`,
    });
    await markEmailSent(copy.id, { transport: transport.name, providerMessageId: result.providerMessageId });
  } catch (error) {
    await markEmailFailed(copy.id, { transport: transport.name, error: error instanceof Error ? error.message : String(error) });
    throw new AppError("CONFLICT", "The email could not be sent; the log records why.");
  }
  return copy.id;
}
