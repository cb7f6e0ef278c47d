import type { BookingStep } from "@/lib/customer-portal/selection";

const steps: { id: BookingStep; label: string }[] = [
  { id: "service", label: "Service" },
  { id: "staff", label: "Stylist" },
  { id: "time", label: "Date & time" },
  { id: "details", label: "Details" },
  { id: "review", label: "Review" },
];

/** Where the customer is in the flow; the current step is announced with aria-current="step". */
export function StepsNav({ current }: { current: BookingStep }) {
  const currentIndex = steps.findIndex((step) => step.id === current);
  return (
    <nav aria-label="Booking progress" className="mb-8">
      <ol className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {steps.map((step, index) => (
          <li key={step.id} aria-current={index === currentIndex ? "step" : undefined} className="flex items-center gap-2">
            <span
              aria-hidden
              className={`flex size-7 items-center justify-center rounded-full text-xs font-bold ${
                index < currentIndex
                  ? "bg-brand-700 text-white"
                  : index === currentIndex
                    ? "border-2 border-brand-700 text-brand-700"
                    : "border border-stone-300 text-stone-600"
              }`}
            >
              {index < currentIndex ? "✓" : index + 1}
            </span>
            <span className={index === currentIndex ? "font-semibold text-stone-900" : "text-stone-600"}>
              {step.label}
              {index < currentIndex && <span className="sr-only"> (done)</span>}
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
