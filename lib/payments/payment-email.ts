import "server-only";
import type { ReactElement } from "react";
import { render, toPlainText } from "@react-email/render";
import { logger } from "@/lib/logger";
import { insertOrGetEmail } from "@/lib/notifications/mutations";
import { sendStoredEmail } from "@/lib/notifications/send-stored-email";
import { notificationSettings } from "@/lib/notifications/settings";
import { selectMailTransport } from "@/lib/notifications/transport/select-transport";

export type PaymentEmailOutcome = { status: "sent" | "already-sent" | "skipped"; emailId?: string };

type Rendered = { html: string; text: string };

export async function renderPaymentEmail(element: ReactElement): Promise<Rendered> {
  const html = await render(element);
  return { html, text: toPlainText(html) };
}

/**
 * A payment email to the customer, once per dedupe key: the email log stores `logged` (the copy without a
 * one-time link, when there is one) and the customer is sent `sent`. A row already sent is not sent again.
 */
export async function storeAndSendPaymentEmail(email: {
  dedupeKey: string;
  kind: string;
  to: string;
  appointmentId: string;
  subject: string;
  sent: Rendered;
  logged?: Rendered;
  /** The mail provider's idempotency key; by default the dedupe key. */
  idempotencyKey?: string;
}): Promise<PaymentEmailOutcome> {
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
  logger.info({ emailId: row.id, kind: email.kind }, "payment email sent");
  return { status: "sent", emailId: row.id };
}
