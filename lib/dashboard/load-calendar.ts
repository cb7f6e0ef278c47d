import "server-only";
import { getSalonSettings } from "@/lib/salon/data";
import { toWallClock } from "@/lib/time/zoned";
import { buildCalendarLayout, calendarDays, calendarRange } from "./calendar-layout";
import { listCalendarAppointments, listCalendarStaff, listStaffOptions } from "./data";
import type { TCalendarQuery } from "./schema";

/** Everything the calendar page shows, for the salon's "today" when no date is asked for. */
export async function loadCalendar(query: TCalendarQuery, now: Date = new Date()) {
  const { timezone } = await getSalonSettings();
  const today = toWallClock(now.getTime(), timezone).date;
  const date = query.date ?? today;
  const range = calendarRange(calendarDays(date, query.view), timezone);
  const [staff, staffOptions] = await Promise.all([listCalendarStaff(range, query.staff), listStaffOptions()]);
  const appointments = await listCalendarAppointments(range, staff.map((member) => member.id));
  const layout = buildCalendarLayout({ date, view: query.view, timeZone: timezone, staff, appointments });
  return { date, today, timeZone: timezone, staffOptions, layout };
}
