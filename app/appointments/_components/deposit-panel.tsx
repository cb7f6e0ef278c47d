import { buttonClass } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { formatPrice } from "@/lib/format";
import type { PaymentSummary } from "@/lib/payments/data";
import { formatSalonTime, type SalonFormat } from "@/lib/time/format-when";
import { PaymentsTable } from "./payments-table";

type Props = { appointmentId: string; summary: PaymentSummary; policy: string[]; salon: SalonFormat };

/**
 * The deposit of one appointment for its customer: while the time is held, how long and a link to pay;
 * afterwards, what was paid and refunded. Nothing when the booking never involved money.
 */
export function DepositPanel({ appointmentId, summary, policy, salon }: Props) {
  const waiting = summary.status === "PENDING_PAYMENT" && summary.paymentHoldUntil;
  if (!waiting && summary.payments.length === 0) return null;
  return (
    <Section id="deposit" title="Deposit" className="mt-8" size="xl">
      {waiting && (
        <div className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-stone-900">
          <p className="mb-2">
            We are holding this time for you until <strong>{formatSalonTime(summary.paymentHoldUntil!, salon)}</strong>.{" "}
            {summary.depositCents > 0 ? "Pay the deposit to confirm the booking." : "Add your card to confirm the booking."}
          </p>
          <ul className="mb-3 list-disc pl-5">
            {policy.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <a href={`/appointments/${appointmentId}/pay`} className={buttonClass("primary")}>
            {summary.depositCents > 0
              ? `Pay ${formatPrice(summary.depositCents, summary.currency, salon.locale)} deposit`
              : "Add your card"}
          </a>
        </div>
      )}
      {summary.payments.length > 0 && <PaymentsTable payments={summary.payments} salon={salon} />}
    </Section>
  );
}
