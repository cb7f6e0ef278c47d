import type { Metadata } from "next";
import { ButtonActionForm } from "@/components/forms/button-action-form";
import { formatPrice } from "@/lib/format";
import { payFeeAction } from "@/lib/payments/actions";
import { findFeeByPayLinkToken, type FeeView } from "@/lib/payments/data";
import { paymentKindLabels } from "@/lib/payments/labels";
import { getSalonSettings } from "@/lib/salon/data";
import { formatSalonDateTime } from "@/lib/time/format-when";

export const metadata: Metadata = { title: "Confirm a payment" };

type Props = { searchParams: Promise<{ token?: string; paid?: string; cancelled?: string }> };

function Message({ title, children }: { title: string; children: string }) {
  return (
    <main id="main" className="mx-auto w-full max-w-xl flex-1 px-4 py-8">
      <h1 className="text-2xl font-bold text-stone-900">{title}</h1>
      <p className="mt-2 text-stone-700" role="status">
        {children}
      </p>
    </main>
  );
}

function closedReason(fee: FeeView): string | null {
  if (fee.status === "SUCCEEDED") return "This fee is paid. Thank you.";
  if (fee.status !== "REQUIRES_ACTION") return "This fee is no longer waiting for a payment. Please contact the salon.";
  return null;
}

/**
 * The page a fee's payment-link email opens (the token is the door: it names one fee and nothing else).
 * "Pay" goes on to the hosted payment page, where the customer's bank can check it is them; the hosted
 * page returns here without the token.
 */
export default async function PayFeePage({ searchParams }: Props) {
  const { token, paid, cancelled } = await searchParams;
  if (paid) return <Message title="Thank you">Your payment is done. The salon sees it as soon as the payment is confirmed.</Message>;
  if (cancelled) return <Message title="Nothing was paid">Open the link in your email again whenever you are ready to pay.</Message>;
  const fee = token ? await findFeeByPayLinkToken(token) : null;
  if (!token || !fee) return <Message title="This link is not valid">Open the link from your latest email, or contact the salon.</Message>;

  const salon = await getSalonSettings();
  const closed = closedReason(fee);
  const amount = formatPrice(fee.amountCents, fee.currency.trim(), salon.locale);
  return (
    <main id="main" className="mx-auto w-full max-w-xl flex-1 px-4 py-8">
      <h1 className="text-2xl font-bold text-stone-900">{closed ? "Nothing to pay" : `Confirm your payment to ${salon.name}`}</h1>
      <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-2 text-stone-900">
        <dt className="text-stone-700">For</dt>
        <dd>{paymentKindLabels[fee.kind]}</dd>
        <dt className="text-stone-700">Appointment</dt>
        <dd>
          {fee.appointment.service.name}, {formatSalonDateTime(fee.appointment.startsAt, salon)}
        </dd>
        <dt className="text-stone-700">Amount</dt>
        <dd>{amount}</dd>
      </dl>
      <div className="mt-6">
        {closed ? (
          <p className="text-stone-900" role="status">
            {closed}
          </p>
        ) : (
          <div className="flex flex-col items-start gap-3">
            <p className="text-stone-700">Your bank asks you to confirm this payment yourself, on a secure payment page.</p>
            <ButtonActionForm action={payFeeAction} fields={{ token }} label={`Pay ${amount}`} pendingLabel="Opening…" variant="primary" />
          </div>
        )}
      </div>
    </main>
  );
}
