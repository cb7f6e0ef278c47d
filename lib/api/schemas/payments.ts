import { z } from "zod";
import type { PaymentSummary } from "@/lib/payments/data";

export const ZApiPaymentRow = z.object({
  id: z.string(),
  kind: z.enum(["DEPOSIT", "REFUND", "LATE_CANCELLATION_FEE", "NO_SHOW_FEE"]),
  status: z.enum(["PENDING", "SUCCEEDED", "FAILED", "REQUIRES_ACTION"]),
  amountCents: z.number().int().meta({ description: "Integer minor units of `currency`." }),
  currency: z.string(),
  createdAt: z.iso.datetime(),
});

/** One payment as partners' `payment.*` webhooks carry it: the row `GET /appointments/{id}` lists, and its appointment. */
export const ZApiPaymentEvent = ZApiPaymentRow.extend({ appointmentId: z.string() }).meta({
  id: "Payment",
  description: "One charge, refund or failure, as in `payment.items` of `GET /appointments/{appointmentId}`.",
});

type PaymentRowSource = Pick<PaymentSummary["payments"][number], "id" | "kind" | "status" | "amountCents" | "currency" | "createdAt">;

export function toApiPaymentRow({ id, kind, status, amountCents, currency, createdAt }: PaymentRowSource): z.infer<typeof ZApiPaymentRow> {
  return { id, kind, status, amountCents, currency: currency.trim(), createdAt: createdAt.toISOString() };
}

export const ZApiPayment = z
  .object({
    status: z.enum(["NONE", "PENDING", "PAID", "REFUNDED", "EXPIRED"]).meta({
      description: "NONE: no deposit asked (or waived). PENDING: the slot is held until holdUntil. PAID, REFUNDED: the deposit's fate.",
    }),
    depositCents: z.number().int(),
    currency: z.string(),
    holdUntil: z.iso.datetime().nullable(),
    items: z.array(ZApiPaymentRow).meta({ description: "Every charge, refund and failure, newest first." }),
  })
  .meta({
    id: "AppointmentPayment",
    description:
      "In GET of one appointment: its deposit and every payment. The segments of a visit share one payment, so each shows the visit's: the deposits added up and the payments of every segment.",
  });

function statusOf(summary: PaymentSummary): z.infer<typeof ZApiPayment>["status"] {
  if (summary.status === "PENDING_PAYMENT") return "PENDING";
  if (summary.status === "EXPIRED") return "EXPIRED";
  const done = (kind: string) => summary.payments.some((payment) => payment.kind === kind && payment.status === "SUCCEEDED");
  if (done("REFUND")) return "REFUNDED";
  return done("DEPOSIT") ? "PAID" : "NONE";
}

export function toApiPayment(summary: PaymentSummary): z.infer<typeof ZApiPayment> {
  return {
    status: statusOf(summary),
    depositCents: summary.depositCents,
    currency: summary.currency,
    holdUntil: summary.paymentHoldUntil?.toISOString() ?? null,
    items: summary.payments.map(toApiPaymentRow),
  };
}
