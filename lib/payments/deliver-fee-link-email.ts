import "server-only";
import FeePaymentLink from "@/emails/fee-payment-link";
import { REMOVED_LINK } from "@/lib/auth/emails";
import { hashToken } from "@/lib/auth/tokens";
import { formatPrice } from "@/lib/format";
import { findEmailByDedupeKey, getAppointmentForEmail } from "@/lib/notifications/data";
import { toAppointmentEmailProps } from "@/lib/notifications/email-props";
import { notificationSettings } from "@/lib/notifications/settings";
import { renderEmail, storeAndSendEmail, type EmailOutcome } from "@/lib/notifications/store-and-send-email";
import { getFee } from "./data";
import { paymentKindLabels } from "./labels";
import { issueFeePayLinkToken } from "./mutations";

export const FEE_PAYMENT_LINK_KIND = "payment.fee-link";

/**
 * Emails the customer a link to pay a fee their bank wants them to authenticate, once per fee (dedupe
 * key per payment row). The token is minted on each attempt that sends and only its hash is stored;
 * the email log keeps the email with the link removed, so the raw link exists only in the customer's
 * own message. A fee no longer waiting (paid, failed) is not emailed.
 */
export async function deliverFeeLinkEmail(paymentId: string): Promise<EmailOutcome> {
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
  const [sent, logged] = await Promise.all([
    renderEmail(FeePaymentLink({ ...base, link: `${settings.appUrl}/pay/fee?token=${raw}` })),
    renderEmail(FeePaymentLink({ ...base, link: null })),
  ]);
  return storeAndSendEmail({
    dedupeKey,
    kind: FEE_PAYMENT_LINK_KIND,
    to: fee.appointment.customer.email,
    appointmentId: fee.appointmentId,
    subject: `Please confirm the ${base.feeName} of ${base.amount}`,
    sent,
    logged,
    idempotencyKey: `${dedupeKey}:${hashToken(raw)}`,
  });
}
