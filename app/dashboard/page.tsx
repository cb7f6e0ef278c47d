import type { Metadata } from "next";
import { AutoRefresh } from "@/components/dashboard/auto-refresh";
import { requirePermission } from "@/lib/auth/gates";
import { actorOf } from "@/lib/auth/session";
import { loadCalendar } from "@/lib/dashboard/load-calendar";
import { ZCalendarQuery } from "@/lib/dashboard/schema";
import { CalendarGrid } from "./_components/calendar-grid";
import { CalendarLegend } from "./_components/calendar-legend";
import { CalendarToolbar } from "./_components/calendar-toolbar";

export const metadata: Metadata = { title: "Calendar" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CalendarPage({ searchParams }: Props) {
  const user = await requirePermission("dashboard.access", "/dashboard");
  const query = ZCalendarQuery.parse(await searchParams);
  const calendar = await loadCalendar(actorOf(user), query);
  // What both halves show the day by: which day, how wide, and in the salon's time and language.
  const day = { today: calendar.today, view: query.view, timeZone: calendar.timeZone, locale: calendar.locale };
  return (
    <>
      <AutoRefresh />
      <CalendarToolbar {...day} date={calendar.date} staffId={query.staff} staffOptions={calendar.staffOptions} />
      <CalendarGrid {...day} layout={calendar.layout} />
      <CalendarLegend />
    </>
  );
}
