import type { Metadata } from "next";
import { namedOptions } from "@/components/dashboard/select-field";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/gates";
import { listActiveServices } from "@/lib/services/data";
import { StaffForm } from "../../_components/staff-form";

export const metadata: Metadata = { title: "New stylist" };

export default async function NewStylistPage() {
  await requirePermission("team.manage", "/dashboard/stylists/new");
  return (
    <>
      <PageHeader title="New stylist" />
      <StaffForm defaults={{ active: "on", color: "#7c3aed" }} services={namedOptions(await listActiveServices())} serviceIds={[]} />
    </>
  );
}
