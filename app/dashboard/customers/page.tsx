import type { Metadata } from "next";
import Link from "next/link";
import { FilterForm } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/gates";
import { actorOf } from "@/lib/auth/session";
import { VIEW_CUSTOMERS } from "@/lib/auth/permissions";
import { listCustomers } from "@/lib/customers/data";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requirePermission(VIEW_CUSTOMERS, "/dashboard/customers");
  const { q } = await searchParams;
  const customers = (await listCustomers(actorOf(user), { q: q?.trim() || undefined, limit: 100 })).slice(0, 100);
  return (
    <>
      <PageHeader title="Customers" />
      <FilterForm action="/dashboard/customers" name="q" label="Name or email" defaultValue={q} submitLabel="Search" />
      <ul className="flex flex-col gap-2">
        {customers.map((customer) => (
          <li key={customer.id} className="rounded-lg border border-stone-300 bg-white p-3 text-sm">
            <Link href={`/dashboard/customers/${customer.id}`} className="font-semibold text-brand-700 underline">
              {customer.name}
            </Link>{" "}
            <span className="text-stone-700">
              {customer.email}
              {customer.phone ? ` · ${customer.phone}` : ""}
            </span>
          </li>
        ))}
      </ul>
      {customers.length === 0 && <p className="text-sm text-stone-700">No customers match.</p>}
    </>
  );
}
