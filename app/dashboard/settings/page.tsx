import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/gates";
import { getSalonSettings } from "@/lib/salon/data";
import { SettingsForm } from "../_components/settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePermission("settings.manage", "/dashboard/settings");
  const settings = await getSalonSettings();
  const defaults = Object.fromEntries(
    (["name", "address", "timezone", "slotStepMinutes", "minNoticeMinutes", "bookingHorizonDays", "cancelCutoffMinutes", "rescheduleCutoffMinutes", "reminderLeadMinutes", "maxFutureBookingsPerCustomer"] as const).map(
      (key) => [key, String(settings[key])],
    ),
  );
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold text-stone-900">Salon settings</h1>
      <SettingsForm defaults={defaults} />
    </>
  );
}
