import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { markEmailFailed, markEmailSent } from "./mutations";
import type { EmailAttachment, MailTransport } from "./transport/mail-transport";

type StoredEmail = { id: string; to: string; subject: string; html: string; text: string; attachments: Prisma.JsonValue };

/**
 * Sends an EmailMessage row exactly as stored and records the outcome on it: SENT with the provider's
 * id, or FAILED with the error, which is rethrown so the caller's retry or error policy applies. The one
 * way every logged email leaves, first sends and staff resends alike; a one-time link passes its row's id
 * with the unredacted content, which is never stored.
 */
export async function sendStoredEmail(
  email: StoredEmail,
  delivery: { transport: MailTransport; from: string; idempotencyKey: string },
): Promise<void> {
  const { transport } = delivery;
  try {
    const result = await transport.send({
      emailId: email.id,
      from: delivery.from,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      attachments: email.attachments as EmailAttachment[],
      idempotencyKey: delivery.idempotencyKey,
    });
    await markEmailSent(email.id, { transport: transport.name, providerMessageId: result.providerMessageId });
  } catch (error) {
    await markEmailFailed(email.id, { transport: transport.name, error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
