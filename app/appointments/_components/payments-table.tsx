import { DataTable } from "@/components/ui/data-table";
import { formatPrice } from "@/lib/format";
import { paymentKindLabels, paymentStatusLabels } from "@/lib/payments/labels";
import type { PaymentSummary } from "@/lib/payments/data";
import { formatSalonDateTime, type SalonFormat } from "@/lib/time/format-when";

/** Every charge, refund and failure of one appointment (the customer's page and the dashboard's). */
export function PaymentsTable({ payments, salon }: { payments: PaymentSummary["payments"]; salon: SalonFormat }) {
  return (
    <DataTable
      variant="compact"
      caption="Payments"
      rows={payments}
      empty="No payments yet."
      columns={[
        { header: "When", cell: (payment) => formatSalonDateTime(payment.createdAt, salon) },
        { header: "What", cell: (payment) => paymentKindLabels[payment.kind] },
        { header: "Amount", cell: (payment) => formatPrice(payment.amountCents, payment.currency.trim(), salon.locale) },
        {
          header: "Status",
          cell: (payment) => `${paymentStatusLabels[payment.status]}${payment.failureMessage ? ` — ${payment.failureMessage}` : ""}`,
        },
      ]}
    />
  );
}
