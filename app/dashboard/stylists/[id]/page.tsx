import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Toast } from "@/components/ui/toast";
import { requirePermission } from "@/lib/auth/gates";
import { formatSalonDate } from "@/lib/customer-portal/format-when";
import { isAppError } from "@/lib/errors";
import { roleLabels } from "@/lib/dashboard/labels";
import { getSalonSettings } from "@/lib/salon/data";
import { listActiveServices } from "@/lib/services/data";
import { getStaffForEdit } from "@/lib/staff/data";
import { formatDayHours, WEEKDAYS } from "@/lib/staff/weekly-hours";
import { StaffForm } from "../../_components/staff-form";
import { RemoveTimeOffForm, TimeOffForm } from "../../_components/time-off-form";

export const metadata: Metadata = { title: "Edit stylist" };

async function load(id: string) {
  try {
    return await getStaffForEdit(id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

export default async function EditStylistPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePermission("team.manage", `/dashboard/stylists/${id}`);
  const [{ notice }, staff, services, salon] = await Promise.all([searchParams, load(id), listActiveServices(), getSalonSettings()]);
  const defaults: Record<string, string> = { displayName: staff.displayName, color: staff.color, bio: staff.bio ?? "", active: staff.active ? "on" : "" };
  WEEKDAYS.forEach((_, index) => (defaults[`hours${index + 1}`] = formatDayHours(staff.workingHours, index + 1)));
  return (
    <>
      <Toast key={notice} message={notice === "time-off" ? "Time off added." : notice === "time-off-removed" ? "Time off removed." : undefined} />
      <h1 className="mb-1 text-2xl font-bold text-stone-900">{staff.displayName}</h1>
      <p className="mb-4 text-sm text-stone-700">{staff.user.email} · {roleLabels[staff.user.role]}</p>
      <StaffForm id={id} defaults={defaults} services={services.map((service) => ({ value: service.id, label: service.name }))} serviceIds={staff.serviceIds} />
      <section aria-labelledby="time-off-heading" className="mt-8">
        <h2 id="time-off-heading" className="mb-2 text-lg font-semibold">Time off</h2>
        {staff.timeOff.length === 0 ? (
          <p className="mb-3 text-sm text-stone-700">None coming up.</p>
        ) : (
          <ul className="mb-3 list-disc pl-5 text-sm">
            {staff.timeOff.map((off) => {
              const label = `${formatSalonDate(off.startsAt, salon.timezone)} until ${formatSalonDate(new Date(off.endsAt.getTime() - 1), salon.timezone)}`;
              return (
                <li key={off.id}>
                  {label}
                  {off.reason ? ` — ${off.reason}` : ""} <RemoveTimeOffForm staffId={id} timeOffId={off.id} label={label} />
                </li>
              );
            })}
          </ul>
        )}
        <TimeOffForm staffId={id} />
      </section>
    </>
  );
}
