import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/gates";
import { getSalonSettings } from "@/lib/salon/data";
import { listActiveServices } from "@/lib/services/data";
import { settingsFormValues } from "@/lib/salon/schema";
import { depositsUnavailableReason } from "@/lib/payments/settings";
import { SettingsForm } from "../_components/settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePermission("settings.manage", "/dashboard/settings");
  const [settings, services] = await Promise.all([getSalonSettings(), listActiveServices()]);
  const defaults = settingsFormValues(settings);
  return (
    <>
      <PageHeader title="Salon settings" />
      {depositsUnavailableReason() && (
        <p className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-stone-900">
          Deposits are off: {depositsUnavailableReason()}
        </p>
      )}
      <SettingsForm defaults={defaults} services={services.map((service) => ({ value: service.id, label: service.name }))} />
    </>
  );
}
