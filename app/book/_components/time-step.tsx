import { StepHeading } from "@/components/ui/step-heading";
import { FormMessage } from "@/components/ui/form-message";
import type { TBookingSelection } from "@/lib/customer-portal/selection";
import { SlotPicker } from "./slot-picker";

type TimeStepProps = {
  selection: TBookingSelection;
  months: { min: string; max: string };
  timezoneNote: string;
};

export function TimeStep({ selection, months, timezoneNote }: TimeStepProps) {
  const keep: Record<string, string> = {};
  for (const key of ["service", "staff", "note"] as const) if (selection[key]) keep[key] = selection[key];
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
        serviceId={selection.service ?? ""}
        staffId={selection.staff ?? "any"}
        minMonth={months.min}
        maxMonth={months.max}
        initialDate={selection.date}
        selectedStart={selection.start}
        baseHref="/book"
        keep={keep}
      />
    </section>
  );
}
