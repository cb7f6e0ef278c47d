import Link from "next/link";
import { FilterForm } from "@/components/ui/filter-form";
import type { Customer } from "@/lib/customers/data";

type Props = { q?: string; matches: Customer[]; keep: Record<string, string> };

/** Find an existing customer (GET, so it works before hydration); "Use" fills the booking form below. */
export function CustomerFinder({ q, matches, keep }: Props) {
  const href = (customer: string) => `/dashboard/appointments/new?${new URLSearchParams({ ...keep, customer }).toString()}`;
  return (
    <section aria-labelledby="find-heading" className="mb-6 max-w-2xl rounded-lg border border-stone-300 bg-white p-4">
      <h2 id="find-heading" className="mb-2 font-semibold text-stone-900">
        Find a customer
      </h2>
      <FilterForm
        action="/dashboard/appointments/new"
        name="q"
        label="Name or email"
        defaultValue={q}
        submitLabel="Search"
        keep={keep}
        wide
      />
      {q && (
        <ul className="mt-3 flex flex-col gap-1 text-sm">
          {matches.map((customer) => (
            <li key={customer.id} className="flex items-center justify-between gap-2">
              <span>
                {customer.name} · {customer.email}
              </span>
              <Link href={href(customer.id)} className="font-semibold text-brand-700 underline">
                Use<span className="sr-only"> {customer.name}</span>
              </Link>
            </li>
          ))}
          {matches.length === 0 && <li>No match: enter the new customer below.</li>}
        </ul>
      )}
    </section>
  );
}
