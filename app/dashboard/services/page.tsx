import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Toast } from "@/components/ui/toast";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/gates";
import { listStaffOptions } from "@/lib/dashboard/data";
import { formatPrice } from "@/lib/format";
import { listServicesWithStaff } from "@/lib/services/data";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  await requirePermission("services.manage", "/dashboard/services");
  const [{ notice }, services, staff] = await Promise.all([searchParams, listServicesWithStaff(), listStaffOptions()]);
  const names = new Map(staff.map((member) => [member.id, member.name]));
  return (
    <>
      <Toast key={notice} message={notice === "saved" ? "Service saved." : undefined} />
      <PageHeader
        title="Services"
        action={
          <Link href="/dashboard/services/new" className={buttonClass()}>
            New service
          </Link>
        }
      />
      <table className="w-full rounded-lg bg-white text-left text-sm">
        <thead>
          <tr>
            <th scope="col" className="p-2">
              Service
            </th>
            <th scope="col">Duration</th>
            <th scope="col">Price</th>
            <th scope="col">Stylists</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {services.map((service) => (
            <tr key={service.id} className="border-t border-stone-200">
              <td className="p-2">
                <Link href={`/dashboard/services/${service.id}`} className="font-semibold text-brand-700 underline">
                  {service.name}
                </Link>
              </td>
              <td>{service.durationMinutes} min</td>
              <td>{formatPrice(service.priceCents, service.currency.trim())}</td>
              <td>{service.staff.map((link) => names.get(link.staffId) ?? "inactive stylist").join(", ") || "—"}</td>
              <td>
                {service.active ? "Active" : "Inactive"} · {service._count.appointments} appointments
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
