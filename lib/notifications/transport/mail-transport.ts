/** An attachment as stored on the EmailMessage row and handed to a transport (content base64). */
export type EmailAttachment = { filename: string; contentType: string; content: string };

/** What one email says and to whom, as composed before it is logged and sent. */
export type ComposedEmail = { to: string; subject: string; html: string; text: string; attachments: EmailAttachment[] };

export type OutgoingEmail = ComposedEmail & {
  /** The EmailMessage row this delivery is logged as. */
  emailId: string;
  from: string;
  /** The email's dedupe key: a provider that has seen it already must not send again. */
  idempotencyKey: string;
};

export type SendResult = { providerMessageId?: string };

/** Hands one email to a delivery channel. Throws when it was not accepted, so the caller retries. */
export interface MailTransport {
  readonly name: "resend" | "mailbox";
  send(email: OutgoingEmail): Promise<SendResult>;
}

export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly retryable = true,
  ) {
    super(message);
    this.name = "EmailSendError";
  }
}
