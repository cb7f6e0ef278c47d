import { RowButtonForm } from "@/components/forms/row-button-form";
import { Section } from "@/components/ui/section";
import type { Actor } from "@/lib/auth/actor";
import { actorCan } from "@/lib/auth/permissions";
import type { AppointmentView } from "@/lib/booking/appointment-view";
import { chargeNoShowFeeAction, refundDepositAction, waiveDepositAction } from "@/lib/payments/actions";
import type { PaymentSummary } from "@/lib/payments/data";
import type { SalonFormat } from "@/lib/time/format-when";
import { PaymentsTable } from "../../appointments/_components/payments-table";

type Props = { actor: Actor; appointment: AppointmentView; summary: PaymentSummary; salon: SalonFormat };

/** The appointment's money for staff: every payment, and the fee or refund buttons where they apply. */
export function AppointmentPayments({ actor, appointment, summary, salon }: Props) {
  const held = appointment.status === "PENDING_PAYMENT";
  if (summary.payments.length === 0 && summary.depositCents === 0 && !held) return null;
  const mayCharge = actorCan(actor, "payments.charge");
  const deposit = summary.payments.find((payment) => payment.kind === "DEPOSIT" && payment.status === "SUCCEEDED");
  const refunded = summary.payments.some((payment) => payment.kind === "REFUND" && payment.status !== "FAILED");
  const feeTaken = summary.payments.some((payment) => payment.kind === "NO_SHOW_FEE" && payment.status !== "FAILED");
  const fields = { appointmentId: appointment.id };
  return (
    <Section id="payments" title="Payments" className="mt-6 rounded-lg border border-stone-300 bg-white p-4">
      <PaymentsTable payments={summary.payments} salon={salon} />
      {mayCharge && (
        <div className="mt-4 flex flex-wrap gap-3">
          {appointment.status === "NO_SHOW" && !feeTaken && (
            <RowButtonForm action={chargeNoShowFeeAction} fields={fields} label="Charge no-show fee" variant="secondary" />
          )}
          {held && (
            <RowButtonForm action={waiveDepositAction} fields={fields} label="Waive deposit (book without payment)" variant="secondary" />
          )}
          {deposit && !refunded && <RowButtonForm action={refundDepositAction} fields={fields} label="Refund deposit" variant="ghost" />}
        </div>
      )}
    </Section>
  );
}
