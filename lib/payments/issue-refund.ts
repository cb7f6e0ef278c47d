import "server-only";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getRefundToIssue } from "./data";
import { recordRefundOutcome } from "./mutations";
import { selectPaymentProvider } from "./select-provider";

export type RefundOutcome = { status: "refunded" | "already-done" | "skipped"; refundId?: string };

/**
 * Gives a deposit back through the provider. The refund row's id is the idempotency key, so the job's
 * retries (and a run repeated by the relay) reach the provider as one refund. A provider outage throws,
 * and the job retries; a refusal (nothing left to refund) is recorded as a failed refund.
 */
export async function issueRefund(paymentId: string): Promise<RefundOutcome> {
  const refund = await getRefundToIssue(paymentId);
  if (!refund) return { status: "skipped" };
  if (refund.status !== "PENDING") return { status: "already-done" };
  if (!refund.paymentIntentId) {
    await recordRefundOutcome(refund.id, { error: "The payment to refund has no provider reference." });
    return { status: "skipped" };
  }
  try {
    const { refundId } = await selectPaymentProvider().refund({
      paymentIntentId: refund.paymentIntentId,
      amountCents: refund.amountCents,
      appointmentId: refund.appointmentId,
      idempotencyKey: `refund:${refund.id}`,
    });
    await recordRefundOutcome(refund.id, { refundId });
    return { status: "refunded", refundId };
  } catch (error) {
    if (error instanceof AppError && error.code === "PAYMENT_PROVIDER_UNAVAILABLE") throw error;
    logger.warn({ paymentId, err: error instanceof Error ? error.message : String(error) }, "refund refused");
    await recordRefundOutcome(refund.id, { error: error instanceof Error ? error.message : String(error) });
    return { status: "skipped" };
  }
}
