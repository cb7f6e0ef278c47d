import Link from "next/link";
import { StepHeading } from "@/components/ui/step-heading";
import { MAX_VISIT_SEGMENTS } from "@/lib/booking/visit-availability";
import { ANY_STAFF, selectionHref, withServices, type TBookingSelection } from "@/lib/customer-portal/selection";
import type { StaffMember } from "@/lib/staff/data";

type StaffStepProps = {
  selection: TBookingSelection;
  /** The chosen services, in visit order. */
  services: { id: string; name: string }[];
  /** Stylists who perform every chosen service. */
  stylists: StaffMember[];
};

export function StaffStep({ selection, services, stylists }: StaffStepProps) {
  const visit = services.length > 1;
  const ids = services.map((service) => service.id);
  const options = [
    {
      id: ANY_STAFF,
      name: "Anyone available",
      bio: visit
        ? "The most free times: each service goes to the first stylist who is free for it."
        : "The most free times: we assign the first stylist who is free.",
    },
    ...stylists.map((stylist) => ({ id: stylist.id, name: stylist.name, bio: stylist.bio ?? "" })),
  ];
  return (
    <section aria-labelledby="step-heading" className="flex flex-col gap-6">
      <StepHeading id="step-heading">Choose a stylist</StepHeading>
      <div className="rounded-2xl border border-stone-200 bg-white p-5">
        <h3 id="services-heading" className="mb-3 font-semibold text-stone-900">
          Your {visit ? "services, one after the other" : "service"}
        </h3>
        <ol aria-labelledby="services-heading" className="flex flex-col gap-2">
          {services.map((service, index) => (
            <li key={`${service.id}-${index}`} className="flex items-center justify-between gap-3 text-stone-900">
              <span>
                {visit && <span className="text-stone-600">{index + 1}. </span>}
                {service.name}
              </span>
              {visit && (
                <Link
                  href={selectionHref(
                    "/book",
                    withServices(
                      selection,
                      ids.filter((_, at) => at !== index),
                    ),
                  )}
                  className="text-sm text-brand-700 underline"
                >
                  Remove<span className="sr-only"> {service.name}</span>
                </Link>
              )}
            </li>
          ))}
        </ol>
        {services.length < MAX_VISIT_SEGMENTS && (
          <Link
            href={selectionHref("/book", { ...withServices(selection, ids), step: "add" })}
            className="mt-4 inline-block font-semibold text-brand-700 underline"
          >
            Add another service
          </Link>
        )}
      </div>
      {visit && (
        <p className="text-stone-700">
          Choose one stylist for every service, or anyone available. Only stylists who do all of your services are listed by name.
        </p>
      )}
      <ul className="grid gap-3 sm:grid-cols-2">
        {options.map((option) => (
          <li key={option.id}>
            <Link
              href={selectionHref("/book", { service: selection.service, also: selection.also, staff: option.id, note: selection.note })}
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
