import type { Metadata } from "next";
import { Toast } from "@/components/ui/toast";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/gates";
import { hasCalendarFeed } from "@/lib/calendar-feed/data";
import { scheduleNotices } from "@/lib/dashboard/labels";
import { orNotFoundPage } from "@/lib/or-not-found-page";
import { getSalonSettings } from "@/lib/salon/data";
import { getStaffForEdit } from "@/lib/staff/data";
import { weeklyHoursDefaults } from "@/lib/staff/weekly-hours";
import { CalendarFeedSection } from "../_components/calendar-feed-section";
import { TimeOffSection } from "../_components/time-off-section";
import { WeeklyHoursForm } from "../_components/weekly-hours-form";

export const metadata: Metadata = { title: "My schedule" };

/** A stylist's own weekly hours and time off (staffSchedule.manageOwn). */
export default async function MySchedulePage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const user = await requirePermission("staffSchedule.manageOwn", "/dashboard/schedule");
  // A team member without a stylist profile has no schedule of their own.
  const [{ notice }, staff, salon, hasFeed] = await Promise.all([
    searchParams,
    orNotFoundPage(getStaffForEdit(user.id)),
    getSalonSettings(),
    hasCalendarFeed(user.id),
  ]);
  return (
    <>
      <Toast key={notice} message={notice ? scheduleNotices[notice] : undefined} />
      <PageHeader title="My schedule" />
      <WeeklyHoursForm staffId={staff.id} defaults={weeklyHoursDefaults(staff.workingHours)} />
      <TimeOffSection staff={staff} salon={salon} />
      <CalendarFeedSection hasFeed={hasFeed} />
    </>
  );
}
