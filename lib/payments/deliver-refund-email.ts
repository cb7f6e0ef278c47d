import "server-only";
import PaymentRefunded from "@/emails/payment-refunded";
import type { TAppointmentStatus } from "@/lib/booking/schema";
import { formatPrice } from "@/lib/format";
import { findEmailByDedupeKey, getAppointmentForEmail } from "@/lib/notifications/data";
import { toAppointmentEmailProps } from "@/lib/notifications/email-props";
import { notificationSettings } from "@/lib/notifications/settings";
import { renderEmail, storeAndSendEmail, type EmailOutcome } from "@/lib/notifications/store-and-send-email";
import { getRefundForEmail } from "./data";

export const REFUND_EMAIL_KIND = "payment.refunded";

/** Why the money went back, read from where the appointment ended up. */
function reasonOf(status: TAppointmentStatus, salonName: string): string {
  if (status === "EXPIRED") {
    return "Your payment arrived after your hold had run out and the time had been booked by someone else, so nothing is booked. You are welcome to book another time.";
  }
  if (status === "CANCELLED")
    return "The appointment was cancelled within the salon's cancellation policy, so the deposit goes back to you.";
  return `${salonName} refunded this payment; the appointment itself is unchanged.`;
}

/**
 * Tells the customer, once per refund row, that money they paid has gone back to their card. Sent when
 * the provider has confirmed the refund (`payment.refunded`), never when it was only asked for, so the
 * email never promises a refund that then fails.
 */
export async function deliverRefundEmail(paymentId: string): Promise<EmailOutcome> {
  const dedupeKey = `${REFUND_EMAIL_KIND}:${paymentId}`;
  const existing = await findEmailByDedupeKey(dedupeKey);
  if (existing?.status === "SENT") return { status: "already-sent", emailId: existing.id };
  const refund = await getRefundForEmail(paymentId);
  if (!refund || refund.status !== "SUCCEEDED") return { status: "skipped" };
  const loaded = await getAppointmentForEmail(refund.appointmentId);
  if (!loaded) return { status: "skipped" };
  const base = toAppointmentEmailProps(loaded, notificationSettings().appUrl);
  const amount = formatPrice(refund.amountCents, refund.currency.trim(), loaded.salon.locale);
  const sent = await renderEmail(PaymentRefunded({ ...base, amount, reason: reasonOf(refund.appointment.status, base.salonName) }));
  return storeAndSendEmail({
    dedupeKey,
    kind: REFUND_EMAIL_KIND,
    to: refund.appointment.customer.email,
    appointmentId: refund.appointmentId,
    subject: `Refunded: ${amount} from ${base.salonName}`,
    sent,
  });
}
