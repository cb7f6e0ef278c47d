import "server-only";
import { render, toPlainText } from "@react-email/render";
import FeePaymentLink, { type FeePaymentLinkProps } from "@/emails/fee-payment-link";
import { REMOVED_LINK } from "@/lib/auth/emails";
import { hashToken } from "@/lib/auth/tokens";
import { formatPrice } from "@/lib/format";
import { logger } from "@/lib/logger";
import { findEmailByDedupeKey, getAppointmentForEmail } from "@/lib/notifications/data";
import { toAppointmentEmailProps } from "@/lib/notifications/email-props";
import { insertOrGetEmail } from "@/lib/notifications/mutations";
import { sendStoredEmail } from "@/lib/notifications/send-stored-email";
import { notificationSettings } from "@/lib/notifications/settings";
import { selectMailTransport } from "@/lib/notifications/transport/select-transport";
import { getFee } from "./data";
import { paymentKindLabels } from "./labels";
import { issueFeePayLinkToken } from "./mutations";

export const FEE_PAYMENT_LINK_KIND = "payment.fee-link";

export type FeeLinkEmailOutcome = { status: "sent" | "already-sent" | "skipped"; emailId?: string };

async function renderFeeLink(props: FeePaymentLinkProps) {
  const html = await render(FeePaymentLink(props));
  return { html, text: toPlainText(html) };
}

/**
 * Emails the customer a link to pay a fee their bank wants them to authenticate, once per fee (dedupe
 * key per payment row). The token is minted on each attempt that sends and only its hash is stored;
 * the email log keeps the email with the link removed, so the raw link exists only in the customer's
 * own message. A fee no longer waiting (paid, failed) is not emailed.
 */
export async function deliverFeeLinkEmail(paymentId: string): Promise<FeeLinkEmailOutcome> {
  const dedupeKey = `${FEE_PAYMENT_LINK_KIND}:${paymentId}`;
  const existing = await findEmailByDedupeKey(dedupeKey);
  if (existing?.status === "SENT") return { status: "already-sent", emailId: existing.id };
  const fee = await getFee(paymentId);
  if (!fee || fee.status !== "REQUIRES_ACTION") return { status: "skipped" };
  const loaded = await getAppointmentForEmail(fee.appointmentId);
  if (!loaded) return { status: "skipped" };

  const settings = notificationSettings();
  const raw = await issueFeePayLinkToken(fee.id);
  if (!raw) return { status: "skipped" };
  const base = {
    ...toAppointmentEmailProps(loaded, settings.appUrl),
    feeName: paymentKindLabels[fee.kind].toLowerCase(),
    amount: formatPrice(fee.amountCents, fee.currency.trim(), loaded.salon.locale),
    removedLink: REMOVED_LINK,
  };
  const subject = `Please confirm the ${base.feeName} of ${base.amount}`;
  const [sent, logged] = await Promise.all([
    renderFeeLink({ ...base, link: `${settings.appUrl}/pay/fee?token=${raw}` }),
    renderFeeLink({ ...base, link: null }),
  ]);
  const transport = selectMailTransport(settings);
  const row = await insertOrGetEmail({
    dedupeKey,
    kind: FEE_PAYMENT_LINK_KIND,
    to: fee.appointment.customer.email,
    appointmentId: fee.appointmentId,
    subject,
    html: logged.html,
    text: logged.text,
    attachments: [],
    transport: transport.name,
  });
  if (row.status === "SENT") return { status: "already-sent", emailId: row.id };
  await sendStoredEmail(
    { id: row.id, to: row.to, subject, html: sent.html, text: sent.text, attachments: [] },
    { transport, from: settings.emailFrom, idempotencyKey: `${dedupeKey}:${hashToken(raw)}` },
  );
  logger.info({ emailId: row.id, kind: FEE_PAYMENT_LINK_KIND }, "fee payment link sent");
  return { status: "sent", emailId: row.id };
}
