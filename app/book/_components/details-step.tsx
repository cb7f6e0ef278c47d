import { buttonClass } from "@/components/ui/button";
import { StepHeading } from "@/components/ui/step-heading";
import { MAX_NOTE_LENGTH } from "@/lib/booking/schema";
import type { TBookingSelection } from "@/lib/customer-portal/selection";
import { LazyGetForm } from "./lazy-forms";

/**
 * A GET form (next/form: a client-side navigation once hydrated, a plain request before): the note joins
 * the selection in the URL, so it survives signing in.
 */
export function DetailsStep({ selection }: { selection: TBookingSelection }) {
  return (
    <section aria-labelledby="step-heading">
      <StepHeading id="step-heading">Anything we should know?</StepHeading>
      <LazyGetForm action="/book" className="mt-6 flex max-w-xl flex-col gap-4">
        {(["service", "staff", "date", "start"] as const).map((key) =>
          selection[key] ? <input key={key} type="hidden" name={key} value={selection[key]} /> : null,
        )}
        {selection.also?.map((serviceId, index) => (
          <input key={`also-${index}`} type="hidden" name="also" value={serviceId} />
        ))}
        <input type="hidden" name="step" value="review" />
        <div className="flex flex-col gap-1">
          <label htmlFor="note" className="text-sm font-medium text-stone-800">
            Note for your stylist (optional)
          </label>
          <textarea
            id="note"
            name="note"
            rows={4}
            maxLength={MAX_NOTE_LENGTH}
            defaultValue={selection.note}
            aria-describedby="note-hint"
            className="rounded-lg border border-stone-400 bg-white px-3 py-2 text-stone-900"
          />
          <p id="note-hint" className="text-sm text-stone-600">
            Allergies, access needs, what you have in mind…
          </p>
        </div>
        <button type="submit" className={buttonClass("primary", "self-start")}>
          Continue to review
        </button>
      </LazyGetForm>
    </section>
  );
}
