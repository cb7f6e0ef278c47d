import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { Toast } from "@/components/ui/toast";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/gates";
import { listStaffOptions } from "@/lib/dashboard/data";
import { formatPrice } from "@/lib/format";
import { getSalonSettings } from "@/lib/salon/data";
import { listServicesWithStaff } from "@/lib/services/data";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  await requirePermission("services.manage", "/dashboard/services");
  const [{ notice }, services, staff, salon] = await Promise.all([
    searchParams,
    listServicesWithStaff(),
    listStaffOptions(),
    getSalonSettings(),
  ]);
  const names = new Map(staff.map((member) => [member.id, member.name]));
  return (
    <>
      <Toast key={notice} message={notice === "saved" ? "Service saved." : undefined} />
      <PageHeader title="Services" create={{ href: "/dashboard/services/new", label: "New service" }} />
      <DataTable
        rows={services}
        columns={[
          {
            header: "Service",
            cell: (service) => service.name,
            href: (service) => `/dashboard/services/${service.id}`,
          },
          { header: "Duration", cell: (service) => `${service.durationMinutes} min` },
          { header: "Price", cell: (service) => formatPrice(service.priceCents, service.currency.trim(), salon.locale) },
          {
            header: "Stylists",
            cell: (service) => service.staff.map((link) => names.get(link.staffId) ?? "inactive stylist").join(", ") || "—",
          },
          {
            header: "Status",
            cell: (service) => `${service.active ? "Active" : "Inactive"} · ${service._count.appointments} appointments`,
          },
        ]}
      />
    </>
  );
}
