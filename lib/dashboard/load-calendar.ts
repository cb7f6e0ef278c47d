import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorCan, managesAppointment } from "@/lib/auth/permissions";
import { getSalonSettings } from "@/lib/salon/data";
import { toWallClock } from "@/lib/time/zoned";
import { buildCalendarLayout, calendarDays, calendarRange, type CalendarBlock } from "./calendar-layout";
import { listCalendarAppointments, listCalendarStaff, listStaffOptions, type CalendarAppointment } from "./data";
import type { TCalendarQuery } from "./schema";

/**
 * A colleague's appointment as `viewer` may see it: in full with calendar.viewColleagueDetails or in their
 * own column, else only the time it blocks (no customer, service or note), and not at all once cancelled.
 */
function asSeenBy(viewer: Actor, appointment: CalendarAppointment): CalendarBlock | null {
  if (actorCan(viewer, "calendar.viewColleagueDetails") || (viewer.kind === "user" && appointment.staffId === viewer.userId))
    return appointment;
  if (appointment.status === "CANCELLED") return null;
  const { id, status, startsAt, endsAt, staffId } = appointment;
  return { id, status, startsAt, endsAt, staffId };
}

/** Everything the calendar page shows `viewer`, for the salon's "today" when no date is asked for. */
export async function loadCalendar(viewer: Actor, query: TCalendarQuery, now: Date = new Date()) {
  const { timezone, locale } = await getSalonSettings();
  const today = toWallClock(now.getTime(), timezone).date;
  const date = query.date ?? today;
  const range = calendarRange(calendarDays(date, query.view), timezone);
  const [staff, staffOptions] = await Promise.all([listCalendarStaff(range, query.staff), listStaffOptions()]);
  const appointments = (
    await listCalendarAppointments(
      range,
      staff.map((member) => member.id),
    )
  )
    .map((appointment) => asSeenBy(viewer, appointment))
    .filter((block) => block !== null);
  const layout = buildCalendarLayout({ date, view: query.view, timeZone: timezone, staff, appointments });
  // Empty times are links to book there: only in the columns the viewer may book into.
  for (const group of layout.groups) {
    for (const lane of group.lanes) if (!managesAppointment(viewer, { staffId: lane.staff.id })) lane.slots = [];
  }
  return { date, today, timeZone: timezone, locale, staffOptions, layout };
}
