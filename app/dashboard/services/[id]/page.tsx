import type { Metadata } from "next";
import { namedOptions } from "@/components/dashboard/select-field";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/gates";
import { depositsUnavailableReason } from "@/lib/payments/settings";
import { listStaffOptions } from "@/lib/dashboard/data";
import { depositFormValues } from "@/lib/dashboard/schema";
import { listServicesWithStaff } from "@/lib/services/data";
import { ServiceForm } from "../../_components/service-form";

export const metadata: Metadata = { title: "Edit service" };

export default async function EditServicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission("services.manage", `/dashboard/services/${id}`);
  const [services, staff] = await Promise.all([listServicesWithStaff(), listStaffOptions()]);
  const service = services.find((candidate) => candidate.id === id);
  if (!service) notFound();
  const defaults = {
    name: service.name,
    slug: service.slug,
    category: service.category,
    description: service.description,
    price: (service.priceCents / 100).toFixed(2),
    durationMinutes: String(service.durationMinutes),
    bufferBeforeMinutes: String(service.bufferBeforeMinutes),
    bufferAfterMinutes: String(service.bufferAfterMinutes),
    active: service.active ? "on" : "",
    requiresPatchTest: service.requiresPatchTest ? "on" : "",
    ...depositFormValues(service),
  };
  return (
    <>
      <PageHeader title={`Edit ${service.name}`} />
      <ServiceForm
        id={id}
        defaults={defaults}
        staff={namedOptions(staff)}
        staffIds={service.staff.map((link) => link.staffId)}
        depositsUnavailable={depositsUnavailableReason()}
      />
    </>
  );
}
