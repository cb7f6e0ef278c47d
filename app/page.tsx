import Link from "next/link";
import { connection } from "next/server";
import { ServiceCard } from "@/components/service-card";
import { formatDuration, formatPrice } from "@/lib/format";
import { getSalonSettings } from "@/lib/salon/data";
import { listActiveServices, type ServiceSummary } from "@/lib/services/data";

function groupByCategory(services: ServiceSummary[]): Map<string, ServiceSummary[]> {
  const groups = new Map<string, ServiceSummary[]>();
  for (const service of services) {
    const group = groups.get(service.category) ?? [];
    group.push(service);
    groups.set(service.category, group);
  }
  return groups;
}

export default async function LandingPage() {
  // Services and settings change from the dashboard: always read them at request time.
  await connection();
  const [salon, services] = await Promise.all([getSalonSettings(), listActiveServices()]);

  return (
    <>
      {/* A section, not a <header>: the site header is the page's one banner landmark. */}
      <section aria-label="Salon" className="bg-brand-900 text-white">
        <div className="mx-auto max-w-5xl px-6 py-12">
          <p className="text-sm uppercase tracking-widest text-brand-100">Pamper Book</p>
          <h1 className="mt-2 text-4xl font-bold">{salon.name}</h1>
          <p className="mt-3 text-brand-100">{salon.address}</p>
          <Link
            href="/book"
            className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-white px-5 py-2 font-semibold text-brand-900 hover:bg-brand-100"
          >
            Book now
          </Link>
        </div>
      </section>
      <main id="main" className="mx-auto max-w-5xl px-6 py-10">
        <p className="text-lg text-stone-700">Choose a treatment — every price includes VAT.</p>
        {services.length === 0 ? (
          <p className="mt-4 text-stone-600">No services are open for booking right now.</p>
        ) : (
          [...groupByCategory(services)].map(([category, group]) => (
            <section key={category} aria-labelledby={`category-${category}`} className="mt-8">
              <h2 id={`category-${category}`} className="text-lg font-semibold uppercase tracking-wide text-stone-500">
                {category}
              </h2>
              <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {group.map((service) => (
                  <li key={service.id} className="contents">
                    <ServiceCard
                      name={service.name}
                      description={service.description}
                      duration={formatDuration(service.durationMinutes)}
                      price={formatPrice(service.priceCents, service.currency, salon.locale)}
                    />
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </main>
    </>
  );
}
