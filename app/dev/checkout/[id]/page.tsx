import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RowButtonForm } from "@/components/forms/row-button-form";
import { formatPrice } from "@/lib/format";
import { testCheckoutAction } from "@/lib/payments/actions";
import { getTestCheckout } from "@/lib/payments/data";
import { isTestCheckoutEnabled } from "@/lib/payments/test-checkout";
import { getSalonSettings } from "@/lib/salon/data";
import { formatSalonDateTime, formatSalonTime } from "@/lib/time/format-when";

export const metadata: Metadata = { title: "Test checkout" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ step?: string }> };

/**
 * The development stand-in for Stripe's hosted Checkout page (404 anywhere Stripe is configured, and in
 * production): each button does what the customer could do there.
 */
export default async function TestCheckoutPage({ params, searchParams }: Props) {
  if (!isTestCheckoutEnabled()) notFound();
  const [{ id }, { step }] = await Promise.all([params, searchParams]);
  const [checkout, salon] = await Promise.all([getTestCheckout(id), getSalonSettings()]);
  if (!checkout || checkout.payments.length === 0) notFound();
  // The session's own amount: a visit's covers every segment it holds.
  const [session] = checkout.payments;
  const amountCents = session!.amountCents;
  const amount = formatPrice(amountCents, checkout.currency.trim(), salon.locale);
  const services = (checkout.visit?.segments ?? [checkout]).map((segment) => segment.service.name).join(" + ");
  const open = checkout.status === "PENDING_PAYMENT";
  const fields = (outcome: string) => ({ appointmentId: id, outcome });
  return (
    <main id="main" className="mx-auto w-full max-w-lg flex-1 px-4 py-10">
      <p className="mb-2 text-sm font-semibold tracking-wide text-amber-800 uppercase">Test checkout — development only</p>
      <h1 className="mb-4 text-2xl font-bold text-stone-900">
        {amountCents > 0 ? `Pay ${amount}` : "Save your card"} to {salon.name}
      </h1>
      <p className="mb-2 text-stone-700">
        {services}, {formatSalonDateTime(checkout.startsAt, salon)}.
      </p>
      {checkout.paymentHoldUntil && open && (
        <p className="mb-6 text-sm text-stone-700">The time is held until {formatSalonTime(checkout.paymentHoldUntil, salon)}.</p>
      )}
      {!open ? (
        <p className="rounded-lg border border-stone-200 bg-white p-4 text-stone-800">
          This checkout is closed: the appointment is {checkout.status.toLowerCase().replace("_", " ")}.
        </p>
      ) : step === "authenticate" ? (
        <div className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
          <p className="text-stone-800">Your bank asks you to confirm this payment.</p>
          <RowButtonForm action={testCheckoutAction} fields={fields("pay")} label="Complete authentication" />
          <RowButtonForm action={testCheckoutAction} fields={fields("decline")} label="Fail authentication" variant="secondary" />
        </div>
      ) : (
        <div className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
          <RowButtonForm action={testCheckoutAction} fields={fields("pay")} label={amountCents > 0 ? `Pay ${amount}` : "Save card"} />
          <RowButtonForm action={testCheckoutAction} fields={fields("decline")} label="Card declined" variant="secondary" />
          <RowButtonForm action={testCheckoutAction} fields={fields("authenticate")} label="Needs authentication" variant="secondary" />
          <RowButtonForm action={testCheckoutAction} fields={fields("abandon")} label="Abandon" variant="ghost" />
        </div>
      )}
    </main>
  );
}
