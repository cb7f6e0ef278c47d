import "server-only";
import { AppError } from "@/lib/errors";
import { markEmailFailed, markEmailSent } from "@/lib/notifications/mutations";
import { notificationSettings } from "@/lib/notifications/settings";
import type { EmailAttachment } from "@/lib/notifications/transport/mail-transport";
import { selectMailTransport } from "@/lib/notifications/transport/select-transport";
import { getEmailMessage } from "./data";
import { insertResendCopy } from "./mutations";

/** Sends a logged email again, exactly as stored, through the current transport; returns the new log row's id. */
export async function resendEmail(emailId: string): Promise<string> {
  const original = await getEmailMessage(emailId);
  if (!original) throw new AppError("NOT_FOUND", "That email does not exist.");
  const settings = notificationSettings();
  const transport = selectMailTransport(settings);
  const copy = await insertResendCopy(original, transport.name);
  try {
    const result = await transport.send({
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
