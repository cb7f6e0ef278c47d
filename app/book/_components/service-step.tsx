import Link from "next/link";
import { StepHeading } from "@/components/ui/step-heading";
import { formatDuration, formatPrice } from "@/lib/format";
import type { ServiceSummary } from "@/lib/services/data";

type ServiceStepProps = {
  services: ServiceSummary[];
  locale: string;
  /** Where choosing a service goes: the first choice, or one more service added to the visit. */
  hrefFor: (serviceId: string) => string;
  /** Set while adding to a visit: the heading says so, and a link goes back without adding. */
  adding?: { backHref: string; count: number };
};

export function ServiceStep({ services, locale, hrefFor, adding }: ServiceStepProps) {
  return (
    <section aria-labelledby="step-heading">
      <StepHeading id="step-heading">{adding ? "Add another service" : "Choose a service"}</StepHeading>
      {adding && (
        <p className="mt-2 text-stone-700">
          It follows straight after the {adding.count === 1 ? "service" : `${adding.count} services`} you chose, in the same visit.{" "}
          <Link href={adding.backHref} className="font-semibold text-brand-700 underline">
            Keep my services as they are
          </Link>
        </p>
      )}
      {services.length === 0 ? (
        <p className="mt-4 text-stone-700">
          {adding ? "There is no other service to add." : "No services are open for booking right now. Please call the salon."}
        </p>
      ) : (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {services.map((service) => (
            <li key={service.id} className="flex">
              {/* One link per card, its name starting with the service's name (no nested landmarks or headings). */}
              <Link
                href={hrefFor(service.id)}
                className="flex flex-1 flex-col gap-2 rounded-xl border border-stone-200 bg-white p-5 shadow-sm hover:border-brand-700"
              >
                <span className="text-lg font-semibold text-stone-900">{service.name}</span>
                <span className="flex-1 text-sm text-stone-600">{service.description}</span>
                <span className="flex items-center justify-between text-sm">
                  <span className="text-stone-600">{formatDuration(service.durationMinutes)}</span>
                  <span className="font-semibold text-brand-700">{formatPrice(service.priceCents, service.currency, locale)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
