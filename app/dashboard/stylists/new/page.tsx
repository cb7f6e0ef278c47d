import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/gates";
import { listActiveServices } from "@/lib/services/data";
import { StaffForm } from "../../_components/staff-form";

export const metadata: Metadata = { title: "New stylist" };

export default async function NewStylistPage() {
  await requirePermission("team.manage", "/dashboard/stylists/new");
  const services = await listActiveServices();
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold text-stone-900">New stylist</h1>
      <StaffForm defaults={{ active: "on", color: "#7c3aed" }} services={services.map((service) => ({ value: service.id, label: service.name }))} serviceIds={[]} />
    </>
  );
}
