import type { Metadata } from "next";
import { namedOptions } from "@/components/dashboard/select-field";
import { Toast } from "@/components/ui/toast";
import { requirePermission } from "@/lib/auth/gates";
import { roleLabels } from "@/lib/dashboard/labels";
import { orNotFoundPage } from "@/lib/or-not-found-page";
import { getSalonSettings } from "@/lib/salon/data";
import { listActiveServices } from "@/lib/services/data";
import { getStaffForEdit } from "@/lib/staff/data";
import { scheduleNotices } from "@/lib/dashboard/labels";
import { weeklyHoursDefaults } from "@/lib/staff/weekly-hours";
import { StaffForm } from "../../_components/staff-form";
import { TimeOffSection } from "../../_components/time-off-section";

export const metadata: Metadata = { title: "Edit stylist" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

export default async function EditStylistPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePermission("team.manage", `/dashboard/stylists/${id}`);
  const [{ notice }, staff, services, salon] = await Promise.all([
    searchParams,
    orNotFoundPage(getStaffForEdit(id)),
    listActiveServices(),
    getSalonSettings(),
  ]);
  const defaults = {
    displayName: staff.displayName,
    color: staff.color,
    bio: staff.bio ?? "",
    active: staff.active ? "on" : "",
    ...weeklyHoursDefaults(staff.workingHours),
  };
  return (
    <>
      <Toast key={notice} message={notice ? scheduleNotices[notice] : undefined} />
      <h1 className="mb-1 text-2xl font-bold text-stone-900">{staff.displayName}</h1>
      <p className="mb-4 text-sm text-stone-700">
        {staff.user.email} · {roleLabels[staff.user.role]}
      </p>
      <StaffForm id={id} defaults={defaults} services={namedOptions(services)} serviceIds={staff.serviceIds} />
      <TimeOffSection staff={staff} salon={salon} />
    </>
  );
}
