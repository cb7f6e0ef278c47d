import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/gates";
import { getSalonSettings } from "@/lib/salon/data";
import { listActiveServices } from "@/lib/services/data";
import { settingsFormValues } from "@/lib/salon/schema";
import { SettingsForm } from "../_components/settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePermission("settings.manage", "/dashboard/settings");
  const [settings, services] = await Promise.all([getSalonSettings(), listActiveServices()]);
  const defaults = settingsFormValues(settings);
  return (
    <>
      <PageHeader title="Salon settings" />
      <SettingsForm defaults={defaults} services={services.map((service) => ({ value: service.id, label: service.name }))} />
    </>
  );
}
