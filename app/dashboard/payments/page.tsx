import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, FilterDate, FilterSelect } from "@/components/dashboard/filter-fields";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/gates";
import { decodeStartsAtCursor } from "@/lib/cursor";
import { formatPrice } from "@/lib/format";
import { listPayments, paymentTotals, type PaymentListItem } from "@/lib/payments/data";
import { paymentKindLabels, paymentStatusLabels } from "@/lib/payments/labels";
import { PAYMENT_KINDS, PAYMENT_STATUSES, ZPaymentListQuery, type TPaymentListQuery } from "@/lib/payments/schema";
import { getSalonSettings } from "@/lib/salon/data";
import { formatSalonDateTime } from "@/lib/time/format-when";
import { addDays, startOfLocalDay } from "@/lib/time/zoned";

export const metadata: Metadata = { title: "Payments" };

const PAGE_SIZE = 50;

/** A cursor this page did not issue starts the list over rather than failing the page. */
function validCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  try {
    decodeStartsAtCursor(cursor);
    return cursor;
  } catch {
    return undefined;
  }
}

function pageHref(query: TPaymentListQuery, cursor?: string): string {
  const params = new URLSearchParams(Object.entries({ ...query, cursor }).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return `/dashboard/payments${params.size ? `?${params}` : ""}`;
}

const triggerLabels = { CUSTOMER: "The customer", STAFF: "Staff", API_KEY: "API key", SYSTEM: "Automatic (the policy)" } as const;

function whoTriggered(payment: PaymentListItem): string {
  return payment.triggeredByName ?? triggerLabels[payment.triggeredByKind];
}

/** Every charge, refund and failure of the salon, with what moved in the chosen dates. Front desk and owner. */
export default async function PaymentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("payments.viewAll", "/dashboard/payments");
  const query = ZPaymentListQuery.parse(await searchParams);
  const salon = await getSalonSettings();
  const range = {
    from: query.from ? new Date(startOfLocalDay(query.from, salon.timezone)) : undefined,
    until: query.to ? new Date(startOfLocalDay(addDays(query.to, 1), salon.timezone)) : undefined,
  };
  const [page, totals] = await Promise.all([
    listPayments({ ...range, kind: query.kind, status: query.status }, { limit: PAGE_SIZE, cursor: validCursor(query.cursor) }),
    paymentTotals(range),
  ]);
  const { cursor: _cursor, ...filters } = query;
  const money = (cents: number, currency: string) => formatPrice(cents, currency, salon.locale);
  return (
    <>
      <PageHeader title="Payments" />
      <FilterBar action="/dashboard/payments" label="Filter the payments" submitLabel="Filter">
        <FilterDate label="From" name="from" defaultValue={query.from} />
        <FilterDate label="To" name="to" defaultValue={query.to} />
        <FilterSelect
          label="Kind"
          name="kind"
          defaultValue={query.kind}
          anyLabel="Every kind"
          options={PAYMENT_KINDS.map((kind) => ({ value: kind, label: paymentKindLabels[kind] }))}
        />
        <FilterSelect
          label="Status"
          name="status"
          defaultValue={query.status}
          anyLabel="Any status"
          options={PAYMENT_STATUSES.map((status) => ({ value: status, label: paymentStatusLabels[status] }))}
        />
      </FilterBar>
      <DataTable
        caption={query.from || query.to ? "Totals for these dates (succeeded payments)" : "Totals (succeeded payments)"}
        variant="compact"
        rows={totals.map((line) => ({ ...line, id: line.currency }))}
        empty="No money moved in these dates."
        columns={[
          { header: "Deposits taken", cell: (line) => money(line.depositsCents, line.currency) },
          { header: "Refunded", cell: (line) => money(line.refundedCents, line.currency) },
          { header: "Fees charged", cell: (line) => money(line.feesCents, line.currency) },
          { header: "Net", cell: (line) => money(line.netCents, line.currency) },
        ]}
      />
      <div className="mt-6">
        <DataTable
          caption="Payments"
          rows={page.items}
          empty="No payments match."
          columns={[
            { header: "When", cell: (payment) => formatSalonDateTime(payment.createdAt, salon), className: "whitespace-nowrap" },
            { header: "Customer", cell: (payment) => payment.appointment.customer.name },
            {
              header: "Appointment",
              cell: (payment) => `${payment.appointment.service.name}, ${formatSalonDateTime(payment.appointment.startsAt, salon)}`,
              href: (payment) => `/dashboard/appointments/${payment.appointment.id}`,
            },
            { header: "Kind", cell: (payment) => paymentKindLabels[payment.kind] },
            { header: "Amount", cell: (payment) => money(payment.amountCents, payment.currency) },
            {
              header: "Status",
              cell: (payment) => `${paymentStatusLabels[payment.status]}${payment.failureMessage ? ` — ${payment.failureMessage}` : ""}`,
            },
            { header: "Triggered by", cell: whoTriggered },
          ]}
        />
      </div>
      <nav aria-label="Payment pages" className="mt-4 flex gap-4 text-sm">
        {query.cursor && (
          <Link href={pageHref(filters)} className="text-brand-700 underline">
            Newest payments
          </Link>
        )}
        {page.nextCursor && (
          <Link href={pageHref(filters, page.nextCursor)} className="text-brand-700 underline">
            Older payments
          </Link>
        )}
      </nav>
    </>
  );
}
