import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { StepHeading } from "@/components/ui/step-heading";
import type { SessionUser } from "@/lib/auth/session";
import { selectionHref, type TBookingSelection } from "@/lib/customer-portal/selection";
import { LazyConfirmBookingForm } from "./lazy-forms";
import type { VisitSegmentLine } from "./visit-segments";
import { VisitSegments } from "./visit-segments";
import type { SalonFormat } from "@/lib/time/format-when";

/** Set when the chosen service needs a patch test: the rule in words and the service to book first. */
type PatchTestNotice = { rule: string; patchService: { id: string; name: string } | null };
type ReviewStepProps = {
  selection: TBookingSelection;
  user: SessionUser | null;
  cancelPolicy: string;
  /** The deposit and fees in words; empty when the service asks for no payment. */
  paymentPolicy: string[];
  patchTest: PatchTestNotice | null;
  /** Several services: the visit as it would be booked (segments null: that start no longer fits). */
  visit?: { segments: VisitSegmentLine[] | null; currency: string; salon: SalonFormat; timesHref: string };
};

/** Guests see the whole review and are sent to sign in or register, then come back right here. */
export function ReviewStep({ selection, user, cancelPolicy, paymentPolicy, patchTest, visit }: ReviewStepProps) {
  const returnTo = encodeURIComponent(selectionHref("/book", selection));
  // A visit that cannot be booked as shown gets no confirm button: the reason, and the way on, instead.
  const blocked = visit && visit.segments === null;
  return (
    <section aria-labelledby="step-heading" className="flex flex-col gap-4">
      <StepHeading id="step-heading">Review and confirm</StepHeading>
      <p className="text-stone-700">Check the details on this page. {cancelPolicy}</p>
      {visit &&
        (visit.segments ? (
          <VisitSegments segments={visit.segments} currency={visit.currency} salon={visit.salon} />
        ) : (
          <div className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-stone-900" role="status">
            <p>That time no longer fits all of your services.</p>
            <Link href={visit.timesHref} className="font-semibold text-brand-700 underline">
              Choose another time
            </Link>
          </div>
        ))}
      {paymentPolicy.length > 0 && (
        <div className="rounded-xl border border-stone-300 bg-white p-4 text-stone-900">
          <h2 className="mb-1 font-semibold">Deposit and fees</h2>
          <ul className="list-disc pl-5 text-sm">
            {paymentPolicy.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-stone-700">After you confirm, the time is held for you while you pay on a secure page.</p>
        </div>
      )}
      {patchTest && (
        <div className="flex flex-col gap-2 rounded-xl border border-amber-300 bg-amber-50 p-4 text-stone-900">
          <p>{patchTest.rule}</p>
          {patchTest.patchService && (
            <Link href={selectionHref("/book", { service: patchTest.patchService.id })} className="font-semibold text-brand-700 underline">
              Book a {patchTest.patchService.name.toLowerCase()} first
            </Link>
          )}
        </div>
      )}
      {blocked ? null : !user ? (
        <div className="flex flex-col gap-3 rounded-xl border border-brand-100 bg-brand-50 p-4">
          <p className="text-stone-900">Sign in or create an account to confirm — your selection is kept.</p>
          <div className="flex flex-wrap gap-3">
            <Link href={`/sign-in?callbackUrl=${returnTo}`} className={buttonClass("primary")}>
              Sign in to confirm
            </Link>
            <Link href={`/register?callbackUrl=${returnTo}`} className={buttonClass("secondary")}>
              Create an account
            </Link>
          </div>
        </div>
      ) : !user.emailConfirmed ? (
        <div className="flex flex-col gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-stone-900">
          <p>Please confirm your email address first: we sent a link to {user.email}. Then come back to this page.</p>
          <Link href="/verify-email" className="font-semibold text-brand-700 underline">
            Resend the confirmation email
          </Link>
        </div>
      ) : (
        <LazyConfirmBookingForm selection={selection} />
      )}
    </section>
  );
}
