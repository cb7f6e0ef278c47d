import { StepHeading } from "@/components/ui/step-heading";
import { FormMessage } from "@/components/ui/form-message";
import Link from "next/link";
import { Section } from "@/components/ui/section";
import { selectedServiceIds, selectionHref, type TBookingSelection } from "@/lib/customer-portal/selection";
import { joinWaitlistAction } from "@/lib/waitlist/actions";
import { LazyJoinWaitlistForm } from "./lazy-join-waitlist-form";
import { SlotPicker } from "./slot-picker";

type TimeStepProps = {
  selection: TBookingSelection;
  months: { min: string; max: string };
  locale: string;
  timezoneNote: string;
  signedIn: boolean;
  /** The salon's today (YYYY-MM-DD): where a waitlist range starts at the earliest. */
  today: string;
};

export function TimeStep({ selection, months, locale, timezoneNote, signedIn, today }: TimeStepProps) {
  const keep: Record<string, string | string[]> = {};
  for (const key of ["service", "also", "staff", "note"] as const) if (selection[key]) keep[key] = selection[key];
  const serviceIds = selectedServiceIds(selection);
  return (
    <section aria-labelledby="step-heading" className="flex flex-col gap-4">
      <StepHeading id="step-heading">Choose a date and time</StepHeading>
      <p className="text-stone-700">{timezoneNote}</p>
      {selection.error === "slot-taken" && (
        <FormMessage
          tone="error"
          message="Sorry — someone booked that time a moment ago. Here are the times still free; your other choices are kept."
        />
      )}
      <SlotPicker
        serviceIds={serviceIds}
        locale={locale}
        staffId={selection.staff ?? "any"}
        minMonth={months.min}
        maxMonth={months.max}
        initialDate={selection.date}
        selectedStart={selection.start}
        baseHref="/book"
        keep={keep}
      />
      {serviceIds.length > 0 && (
        <Section id="waitlist" title="No time that suits?" className="mt-6 rounded-2xl border border-stone-200 bg-white p-5">
          <p className="mb-4 text-stone-700">
            {serviceIds.length > 1
              ? "Join the waitlist for this visit: when a time opens (a cancellation, say) at which all your services fit one after the other, we email you a link to book the whole visit."
              : "Join the waitlist: when a matching time opens (a cancellation, say), we email you a link to book it."}
          </p>
          {signedIn ? (
            <LazyJoinWaitlistForm
              action={joinWaitlistAction}
              fields={{ serviceId: selection.service, also: selection.also, staffId: selection.staff }}
              defaults={{ from: selection.date ?? today, to: selection.date ?? today }}
            />
          ) : (
            <Link
              href={`/sign-in?callbackUrl=${encodeURIComponent(selectionHref("/book", selection))}`}
              className="font-semibold text-brand-700 underline"
            >
              Sign in to join the waitlist
            </Link>
          )}
        </Section>
      )}
    </section>
  );
}
