import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RowButtonForm } from "@/components/forms/row-button-form";
import { formatPrice } from "@/lib/format";
import { testCheckoutAction } from "@/lib/payments/actions";
import { getFee, getTestCheckout } from "@/lib/payments/data";
import { paymentKindLabels } from "@/lib/payments/labels";
import { isTestCheckoutEnabled } from "@/lib/payments/test-checkout";
import { getSalonSettings } from "@/lib/salon/data";
import { formatSalonDateTime, formatSalonTime } from "@/lib/time/format-when";

export const metadata: Metadata = { title: "Test checkout" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ step?: string; fee?: string }> };

/** What the page asks the customer to pay: the hold's deposit, or (`?fee=`) a fee that needs authentication. */
async function checkoutOf(appointmentId: string, feePaymentId: string | undefined) {
  if (feePaymentId) {
    const fee = await getFee(feePaymentId);
    if (!fee || fee.appointmentId !== appointmentId || !fee.checkoutSessionId) return null;
    return {
      title: paymentKindLabels[fee.kind],
      amountCents: fee.amountCents,
      currency: fee.currency,
      serviceName: fee.appointment.service.name,
      startsAt: fee.appointment.startsAt,
      holdUntil: null,
      closedBecause: fee.status === "REQUIRES_ACTION" ? null : "this fee is no longer waiting for a payment",
    };
  }
  const checkout = await getTestCheckout(appointmentId);
  const [session] = checkout?.payments ?? [];
  if (!checkout || !session) return null;
  return {
    title: "Deposit",
    // The session's own amount: a visit's covers every segment it holds.
    amountCents: session.amountCents,
    currency: checkout.currency,
    serviceName: (checkout.visit?.segments ?? [checkout]).map((segment) => segment.service.name).join(" + "),
    startsAt: checkout.startsAt,
    holdUntil: checkout.paymentHoldUntil,
    closedBecause: checkout.status === "PENDING_PAYMENT" ? null : `the appointment is ${checkout.status.toLowerCase().replace("_", " ")}`,
  };
}

/**
 * The development stand-in for Stripe's hosted Checkout page (404 anywhere Stripe is configured, and in
 * production): each button does what the customer could do there.
 */
export default async function TestCheckoutPage({ params, searchParams }: Props) {
  if (!isTestCheckoutEnabled()) notFound();
  const [{ id }, { step, fee }] = await Promise.all([params, searchParams]);
  const [checkout, salon] = await Promise.all([checkoutOf(id, fee), getSalonSettings()]);
  if (!checkout) notFound();
  const amount = formatPrice(checkout.amountCents, checkout.currency.trim(), salon.locale);
  const fields = (outcome: string) => ({ appointmentId: id, outcome, ...(fee ? { feePaymentId: fee } : {}) });
  return (
    <main id="main" className="mx-auto w-full max-w-lg flex-1 px-4 py-10">
      <p className="mb-2 text-sm font-semibold tracking-wide text-amber-800 uppercase">Test checkout — development only</p>
      <h1 className="mb-4 text-2xl font-bold text-stone-900">
        {checkout.amountCents > 0 ? `Pay ${amount}` : "Save your card"} to {salon.name}
      </h1>
      <p className="mb-2 text-stone-700">
        {checkout.title}: {checkout.serviceName}, {formatSalonDateTime(checkout.startsAt, salon)}.
      </p>
      {checkout.holdUntil && !checkout.closedBecause && (
        <p className="mb-6 text-sm text-stone-700">The time is held until {formatSalonTime(checkout.holdUntil, salon)}.</p>
      )}
      {checkout.closedBecause ? (
        <p className="rounded-lg border border-stone-200 bg-white p-4 text-stone-800">This checkout is closed: {checkout.closedBecause}.</p>
      ) : step === "authenticate" ? (
        <div className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
          <p className="text-stone-800">Your bank asks you to confirm this payment.</p>
          <RowButtonForm action={testCheckoutAction} fields={fields("pay-authenticated")} label="Complete authentication" />
          <RowButtonForm action={testCheckoutAction} fields={fields("decline")} label="Fail authentication" variant="secondary" />
        </div>
      ) : (
        <div className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
          <RowButtonForm
            action={testCheckoutAction}
            fields={fields("pay")}
            label={checkout.amountCents > 0 ? `Pay ${amount}` : "Save card"}
          />
          <RowButtonForm action={testCheckoutAction} fields={fields("decline")} label="Card declined" variant="secondary" />
          <RowButtonForm action={testCheckoutAction} fields={fields("authenticate")} label="Needs authentication" variant="secondary" />
          <RowButtonForm action={testCheckoutAction} fields={fields("abandon")} label="Abandon" variant="ghost" />
        </div>
      )}
    </main>
  );
}
