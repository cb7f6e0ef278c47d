import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Toast } from "@/components/ui/toast";
import { requirePermission } from "@/lib/auth/gates";
import { scheduleNotices } from "@/lib/dashboard/labels";
import { isAppError } from "@/lib/errors";
import { getSalonSettings } from "@/lib/salon/data";
import { getStaffForEdit } from "@/lib/staff/data";
import { weeklyHoursDefaults } from "@/lib/staff/weekly-hours";
import { TimeOffSection } from "../_components/time-off-section";
import { WeeklyHoursForm } from "../_components/weekly-hours-form";

export const metadata: Metadata = { title: "My schedule" };

async function ownProfile(userId: string) {
  try {
    return await getStaffForEdit(userId);
  } catch (error) {
    // A team member without a stylist profile has no schedule of their own.
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/** A stylist's own weekly hours and time off (staffSchedule.manageOwn). */
export default async function MySchedulePage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const user = await requirePermission("staffSchedule.manageOwn", "/dashboard/schedule");
  const [{ notice }, staff, salon] = await Promise.all([searchParams, ownProfile(user.id), getSalonSettings()]);
  return (
    <>
      <Toast key={notice} message={notice ? scheduleNotices[notice] : undefined} />
      <h1 className="mb-4 text-2xl font-bold text-stone-900">My schedule</h1>
      <WeeklyHoursForm staffId={staff.id} defaults={weeklyHoursDefaults(staff.workingHours)} />
      <TimeOffSection staff={staff} timeZone={salon.timezone} />
    </>
  );
}
