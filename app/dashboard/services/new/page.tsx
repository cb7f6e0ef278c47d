import type { Metadata } from "next";
import { namedOptions } from "@/components/dashboard/select-field";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/gates";
import { depositsUnavailableReason } from "@/lib/payments/settings";
import { listStaffOptions } from "@/lib/dashboard/data";
import { ServiceForm } from "../../_components/service-form";

export const metadata: Metadata = { title: "New service" };

export default async function NewServicePage() {
  await requirePermission("services.manage", "/dashboard/services/new");
  return (
    <>
      <PageHeader title="New service" />
      <ServiceForm
        defaults={{ active: "on", depositRule: "none" }}
        staff={namedOptions(await listStaffOptions())}
        staffIds={[]}
        depositsUnavailable={depositsUnavailableReason()}
      />
    </>
  );
}
