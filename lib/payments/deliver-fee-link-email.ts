import "server-only";
import { randomUUID } from "node:crypto";
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

/** The fee a fee-link email was for, read from its dedupe key (`payment.fee-link:<paymentId>[:resend:…]`). */
export function feePaymentIdOf(dedupeKey: string | null): string | null {
  const [kind, paymentId] = dedupeKey?.split(":") ?? [];
  return kind === FEE_PAYMENT_LINK_KIND && paymentId ? paymentId : null;
}

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
  return sendFeeLinkEmail(paymentId, dedupeKey);
}

/**
 * Staff resend a fee's link from the email log (the customer lost it): the stored copy has no link, so
 * this is a new email with a new token, and the token it replaces stops working. Skipped once the fee no
 * longer waits for the customer.
 */
export function resendFeeLinkEmail(paymentId: string): Promise<EmailOutcome> {
  return sendFeeLinkEmail(paymentId, `${FEE_PAYMENT_LINK_KIND}:${paymentId}:resend:${randomUUID()}`);
}

async function sendFeeLinkEmail(paymentId: string, dedupeKey: string): Promise<EmailOutcome> {
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
