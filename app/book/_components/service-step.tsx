import Link from "next/link";
import { ServiceCard } from "@/components/service-card";
import { StepHeading } from "@/components/ui/step-heading";
import { formatDuration, formatPrice } from "@/lib/format";
import type { ServiceSummary } from "@/lib/services/data";
import { selectionHref } from "@/lib/customer-portal/selection";

export function ServiceStep({ services }: { services: ServiceSummary[] }) {
  return (
    <section aria-labelledby="step-heading">
      <StepHeading id="step-heading">Choose a service</StepHeading>
      {services.length === 0 ? (
        <p className="mt-4 text-stone-700">No services are open for booking right now. Please call the salon.</p>
      ) : (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {services.map((service) => (
            <li key={service.id} className="flex">
              <Link
                href={selectionHref("/book", { service: service.id })}
                className="flex flex-1 rounded-xl hover:ring-2 hover:ring-brand-600 [&>article]:flex-1"
              >
                <ServiceCard
                  name={service.name}
                  description={service.description}
                  duration={formatDuration(service.durationMinutes)}
                  price={formatPrice(service.priceCents, service.currency)}
                />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
