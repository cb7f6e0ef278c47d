import Link from "next/link";
import { StepHeading } from "@/components/ui/step-heading";
import { ANY_STAFF, selectionHref, type TBookingSelection } from "@/lib/customer-portal/selection";
import type { StaffMember } from "@/lib/staff/data";

type StaffStepProps = { selection: TBookingSelection; stylists: StaffMember[] };

export function StaffStep({ selection, stylists }: StaffStepProps) {
  const options = [
    { id: ANY_STAFF, name: "Anyone available", bio: "The most free times: we assign the first stylist who is free." },
    ...stylists.map((stylist) => ({ id: stylist.id, name: stylist.name, bio: stylist.bio ?? "" })),
  ];
  return (
    <section aria-labelledby="step-heading">
      <StepHeading id="step-heading">Choose a stylist</StepHeading>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2">
        {options.map((option) => (
          <li key={option.id}>
            <Link
              href={selectionHref("/book", { service: selection.service, staff: option.id })}
              className="flex min-h-20 flex-col justify-center rounded-xl border border-stone-200 bg-white p-4 shadow-sm hover:border-brand-700"
            >
              <span className="font-semibold text-stone-900">{option.name}</span>
              {option.bio && <span className="text-sm text-stone-600">{option.bio}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
