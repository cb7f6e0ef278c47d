import type { Metadata } from "next";
import Link from "next/link";
import { Toast } from "@/components/ui/toast";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/gates";
import { listStaff } from "@/lib/staff/data";

export const metadata: Metadata = { title: "Stylists" };

export default async function StylistsPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  await requirePermission("team.manage", "/dashboard/stylists");
  const [{ notice }, staff] = await Promise.all([searchParams, listStaff({ includeInactive: true, limit: 500 })]);
  return (
    <>
      <Toast key={notice} message={notice === "saved" ? "Stylist saved." : undefined} />
      <PageHeader title="Stylists" create={{ href: "/dashboard/stylists/new", label: "New stylist" }} />
      <ul className="flex flex-col gap-2">
        {staff.map((member) => (
          <li key={member.id} className="flex items-center gap-3 rounded-lg border border-stone-300 bg-white p-3">
            <span aria-hidden className="size-4 rounded-full" style={{ backgroundColor: member.color }} />
            <Link href={`/dashboard/stylists/${member.id}`} className="font-semibold text-brand-700 underline">
              {member.name}
            </Link>
            <span className="text-sm text-stone-700">
              {member.active ? "Active" : "Inactive"} · {member.services.map((service) => service.name).join(", ") || "no services"}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
