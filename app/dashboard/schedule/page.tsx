import type { Metadata } from "next";
import { Toast } from "@/components/ui/toast";
import { requirePermission } from "@/lib/auth/gates";
import { scheduleNotices } from "@/lib/dashboard/labels";
import { getSalonSettings } from "@/lib/salon/data";
import { getStaffForEdit } from "@/lib/staff/data";
import { weeklyHoursDefaults } from "@/lib/staff/weekly-hours";
import { withNotFoundPage } from "@/lib/not-found-page";
import { TimeOffSection } from "../_components/time-off-section";
import { WeeklyHoursForm } from "../_components/weekly-hours-form";

export const metadata: Metadata = { title: "My schedule" };

/** A stylist's own weekly hours and time off (staffSchedule.manageOwn). */
export default async function MySchedulePage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const user = await requirePermission("staffSchedule.manageOwn", "/dashboard/schedule");
  // A team member without a stylist profile has no schedule of their own.
  const [{ notice }, staff, salon] = await Promise.all([searchParams, withNotFoundPage(getStaffForEdit(user.id)), getSalonSettings()]);
  return (
    <>
      <Toast key={notice} message={notice ? scheduleNotices[notice] : undefined} />
      <h1 className="mb-4 text-2xl font-bold text-stone-900">My schedule</h1>
      <WeeklyHoursForm staffId={staff.id} defaults={weeklyHoursDefaults(staff.workingHours)} />
      <TimeOffSection staff={staff} timeZone={salon.timezone} />
    </>
  );
}
