import type { StoredEmail } from "./data";
import type { EmailAttachment } from "./transport/mail-transport";

/**
 * One email as the mailbox shows it (CLI `--json`, /dev/mailbox): the content as delivered when the local
 * mailbox holds it (links included), else as logged; text attachments such as .ics decoded.
 */
export type MailboxEntry = {
  id: string;
  to: string;
  kind: string;
  subject: string;
  status: string;
  transport: string;
  appointmentId: string | null;
  createdAt: string;
  sentAt: string | null;
  error: string | null;
  text: string;
  html: string;
  attachments: Array<{ filename: string; contentType: string; content: string; encoding: "utf8" | "base64" }>;
};

export function toMailboxEntry(email: StoredEmail): MailboxEntry {
  const content = email.mailboxCopy ?? email;
  return {
    id: email.id,
    to: email.to,
    kind: email.kind,
    subject: email.subject,
    status: email.status,
    transport: email.transport,
    appointmentId: email.appointmentId,
    createdAt: email.createdAt.toISOString(),
    sentAt: email.sentAt?.toISOString() ?? null,
    error: email.error,
    text: content.text,
    html: content.html,
    attachments: (content.attachments as EmailAttachment[]).map((attachment) => {
      const textual = attachment.contentType.startsWith("text/");
      return {
        filename: attachment.filename,
        contentType: attachment.contentType,
        content: textual ? Buffer.from(attachment.content, "base64").toString("utf8") : attachment.content,
        encoding: textual ? "utf8" : "base64",
      };
    }),
  };
}
