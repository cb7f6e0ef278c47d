import { Resend } from "resend";
import { EmailSendError, type MailTransport, type OutgoingEmail, type SendResult } from "./mail-transport";

export type ResendTransportOptions = { apiKey: string; baseUrl?: string; timeoutMs: number };

/**
 * Sends through Resend. The SDK never throws on HTTP or network errors (it returns `{ error }`), so this
 * turns that into an exception for the retrying caller, and bounds each request with a timeout because a
 * hung connection would otherwise stall the step until the platform kills it.
 */
export function createResendTransport(options: ResendTransportOptions): MailTransport {
  // Built here, not at module load: `new Resend()` throws without a key, which would break `next build`.
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, "") } : undefined);
  return {
    name: "resend",
    async send(email: OutgoingEmail): Promise<SendResult> {
      const { data, error } = await resend.emails.send(
        {
          from: email.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          attachments: email.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
        },
        { idempotencyKey: email.idempotencyKey, signal: AbortSignal.timeout(options.timeoutMs) },
      );
      if (error) {
        const status = "statusCode" in error && error.statusCode ? ` (HTTP ${error.statusCode})` : "";
        // 4xx other than 409/429 will not get better by retrying (bad address, invalid key).
        const code = "statusCode" in error ? error.statusCode : null;
        const retryable = !code || code >= 500 || code === 409 || code === 429;
        throw new EmailSendError(`Resend refused the email${status}: ${error.name}: ${error.message}`, retryable);
      }
      return { providerMessageId: data?.id };
    },
  };
}
