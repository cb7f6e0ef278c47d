import { z } from "zod";

export const PAYMENT_KINDS = ["DEPOSIT", "REFUND", "LATE_CANCELLATION_FEE", "NO_SHOW_FEE"] as const;
export const PAYMENT_STATUSES = ["PENDING", "SUCCEEDED", "FAILED", "REQUIRES_ACTION"] as const;

const ZLocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-26.");

/** The payments list's URL filters; each falls back to "not set" when malformed, so a hand-edited URL still shows the list. */
export const ZPaymentListQuery = z.object({
  kind: z.enum(PAYMENT_KINDS).optional().catch(undefined),
  status: z.enum(PAYMENT_STATUSES).optional().catch(undefined),
  from: ZLocalDate.optional().catch(undefined),
  to: ZLocalDate.optional().catch(undefined),
  cursor: z.string().min(1).max(200).optional().catch(undefined),
});
export type TPaymentListQuery = z.infer<typeof ZPaymentListQuery>;
