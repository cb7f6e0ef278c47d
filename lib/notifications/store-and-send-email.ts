import "server-only";
import type { ReactElement } from "react";
import { render, toPlainText } from "@react-email/render";
import { logger } from "@/lib/logger";
import { insertOrGetEmail } from "./mutations";
import { sendStoredEmail } from "./send-stored-email";
import { notificationSettings } from "./settings";
import { selectMailTransport } from "./transport/select-transport";

export type EmailOutcome = { status: "sent" | "already-sent" | "skipped"; emailId?: string };

type Rendered = { html: string; text: string };

export async function renderEmail(element: ReactElement): Promise<Rendered> {
  const html = await render(element);
  return { html, text: toPlainText(html) };
}

/**
 * An email that is not an appointment's own (a waitlist offer, a fee's payment link, a refund), once per
 * dedupe key: the email log stores `logged` (the copy without a one-time link, when there is one) and the
 * recipient is sent `sent`. A row already sent is not sent again.
 */
export async function storeAndSendEmail(email: {
  dedupeKey: string;
  kind: string;
  to: string;
  appointmentId?: string;
  subject: string;
  sent: Rendered;
  logged?: Rendered;
  /** The mail provider's idempotency key; by default the dedupe key. */
  idempotencyKey?: string;
}): Promise<EmailOutcome> {
  const settings = notificationSettings();
  const transport = selectMailTransport(settings);
  const logged = email.logged ?? email.sent;
  const row = await insertOrGetEmail({
    dedupeKey: email.dedupeKey,
    kind: email.kind,
    to: email.to,
    appointmentId: email.appointmentId,
    subject: email.subject,
    html: logged.html,
    text: logged.text,
    attachments: [],
    transport: transport.name,
  });
  if (row.status === "SENT") return { status: "already-sent", emailId: row.id };
  await sendStoredEmail(
    { id: row.id, to: row.to, subject: email.subject, html: email.sent.html, text: email.sent.text, attachments: [] },
    { transport, from: settings.emailFrom, idempotencyKey: email.idempotencyKey ?? email.dedupeKey },
  );
  logger.info({ emailId: row.id, kind: email.kind }, "email sent");
  return { status: "sent", emailId: row.id };
}
