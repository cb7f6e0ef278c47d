import "server-only";
import { getPaymentSummary, getSalonPaymentPolicy, type PaymentSummary } from "./data";
import { paymentPolicyLines } from "./policy-text";

/** An appointment's payments with the policy that applies to it, in words, for the pages that show them. */
export async function loadPaymentView(appointmentId: string): Promise<{ summary: PaymentSummary; policy: string[] } | null> {
  const [summary, salon] = await Promise.all([getPaymentSummary(appointmentId), getSalonPaymentPolicy()]);
  if (!summary || !salon) return null;
  const policy = paymentPolicyLines({
    ...salon,
    depositCents: summary.depositCents,
    cardRequired: summary.service.cardRequired,
    currency: summary.currency,
  });
  return { summary, policy };
}
