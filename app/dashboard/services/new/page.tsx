import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/gates";
import { listStaffOptions } from "@/lib/dashboard/data";
import { ServiceForm } from "../../_components/service-form";

export const metadata: Metadata = { title: "New service" };

export default async function NewServicePage() {
  await requirePermission("services.manage", "/dashboard/services/new");
  const staff = await listStaffOptions();
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold text-stone-900">New service</h1>
      <ServiceForm defaults={{ active: "on" }} staff={staff.map((member) => ({ value: member.id, label: member.name }))} staffIds={[]} />
    </>
  );
}
