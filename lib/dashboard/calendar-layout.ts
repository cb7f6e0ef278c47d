import type { AppointmentView } from "@/lib/booking/appointment-view";
import { addDays, fromWallClock, isoWeekday, startOfLocalDay, toWallClock } from "@/lib/time/zoned";

/**
 * Pure geometry of the staff calendar: which days and stylists become columns ("lanes"), where working
 * hours, time off and appointments sit in minutes of the salon's wall-clock day, and which empty times
 * are offered for booking. Kept free of React and the database so the rules are unit-testable.
 */

export type CalendarView = "day" | "week";
export type LayoutStaff = {
  id: string;
  name: string;
  color: string;
  workingHours: Array<{ weekday: number; startMinute: number; endMinute: number }>;
  timeOff: Array<{ startsAt: Date; endsAt: Date; reason: string | null }>;
};

/**
 * What the calendar shows of an appointment. A colleague's appointment the viewer may not read arrives
 * without `customer` and `service`: a busy block.
 */
export type CalendarBlock = Pick<AppointmentView, "id" | "status" | "startsAt" | "endsAt" | "staffId"> &
  Partial<Pick<AppointmentView, "customer" | "service">> & {
    /** A segment of a visit of several services: which one, of how many. */
    segment?: { visitId: string; position: number; count: number };
  };

export type MinuteSpan = { start: number; end: number };
export type PlacedAppointment = MinuteSpan & { appointment: CalendarBlock; column: number; columns: number };
/** `besideCancelled`: a cancelled block shares this time, so the slot takes the left half and it the right. */
export type EmptySlot = { minute: number; startsAt: string; besideCancelled: boolean };
export type Lane = {
  date: string;
  staff: LayoutStaff;
  working: MinuteSpan[];
  timeOff: Array<MinuteSpan & { reason: string | null }>;
  appointments: PlacedAppointment[];
  slots: EmptySlot[];
};
export type DayGroup = { date: string; lanes: Lane[] };
export type CalendarLayout = {
  days: string[];
  groups: DayGroup[];
  startMinute: number;
  endMinute: number;
  range: { from: Date; until: Date };
};

/** Granularity of the clickable empty times; 30 minutes keeps each target at least 44 px tall. */
export const SLOT_MINUTES = 30;
const DAY_MINUTES = 24 * 60;

/** The days shown: the date itself, or Monday to Sunday of its week. */
export function calendarDays(date: string, view: CalendarView): string[] {
  if (view === "day") return [date];
  const monday = addDays(date, 1 - isoWeekday(date));
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

export function calendarRange(days: string[], timeZone: string): { from: Date; until: Date } {
  return { from: new Date(startOfLocalDay(days[0]!, timeZone)), until: new Date(startOfLocalDay(addDays(days.at(-1)!, 1), timeZone)) };
}

/** Minutes of `date`'s wall-clock day covered by [from, until), clipped to the day. */
function minutesOnDay(date: string, from: Date, until: Date, timeZone: string): MinuteSpan | null {
  const dayStart = startOfLocalDay(date, timeZone);
  const dayEnd = startOfLocalDay(addDays(date, 1), timeZone);
  const start = Math.max(from.getTime(), dayStart);
  const end = Math.min(until.getTime(), dayEnd);
  if (end <= start) return null;
  const startMinute = start === dayStart ? 0 : toWallClock(start, timeZone).minuteOfDay;
  const endMinute = end === dayEnd ? DAY_MINUTES : toWallClock(end, timeZone).minuteOfDay;
  return { start: startMinute, end: Math.max(endMinute, startMinute + 1) };
}

/** Overlapping blocks (a cancelled one under its replacement) share the lane side by side. */
function placeAppointments(spans: Array<MinuteSpan & { appointment: CalendarBlock }>): PlacedAppointment[] {
  const columnEnds: number[] = [];
  const placed = spans.map((span) => {
    let column = columnEnds.findIndex((end) => end <= span.start);
    if (column === -1) column = columnEnds.push(span.end) - 1;
    else columnEnds[column] = span.end;
    return { ...span, column };
  });
  return placed.map((span) => ({ ...span, columns: columnEnds.length }));
}

function buildLane(date: string, staff: LayoutStaff, appointments: CalendarBlock[], timeZone: string): Omit<Lane, "slots"> {
  const weekday = isoWeekday(date);
  const spans = appointments
    .filter((appointment) => appointment.staffId === staff.id)
    .flatMap((appointment) => {
      const span = minutesOnDay(date, appointment.startsAt, appointment.endsAt, timeZone);
      return span && toWallClock(appointment.startsAt.getTime(), timeZone).date === date ? [{ ...span, appointment }] : [];
    });
  return {
    date,
    staff,
    working: staff.workingHours
      .filter((hours) => hours.weekday === weekday)
      .map((hours) => ({ start: hours.startMinute, end: hours.endMinute })),
    timeOff: staff.timeOff.flatMap((off) => {
      const span = minutesOnDay(date, off.startsAt, off.endsAt, timeZone);
      return span ? [{ ...span, reason: off.reason }] : [];
    }),
    appointments: placeAppointments(spans),
  };
}

/** The visible hours: every working interval and appointment fits, at least 09:00–17:00, whole hours. */
function visibleMinutes(lanes: Array<Omit<Lane, "slots">>): MinuteSpan {
  let start = 9 * 60;
  let end = 17 * 60;
  for (const lane of lanes) {
    for (const span of [...lane.working, ...lane.appointments]) {
      start = Math.min(start, span.start);
      end = Math.max(end, span.end);
    }
  }
  return { start: Math.floor(start / 60) * 60, end: Math.min(DAY_MINUTES, Math.ceil(end / 60) * 60) };
}

export function buildCalendarLayout(args: {
  date: string;
  view: CalendarView;
  timeZone: string;
  staff: LayoutStaff[];
  appointments: CalendarBlock[];
}): CalendarLayout {
  const days = calendarDays(args.date, args.view);
  const partial = days.map((date) => ({
    date,
    lanes: args.staff.map((staff) => buildLane(date, staff, args.appointments, args.timeZone)),
  }));
  const { start, end } = visibleMinutes(partial.flatMap((group) => group.lanes));
  const groups = partial.map((group) => ({
    date: group.date,
    lanes: group.lanes.map((lane) => ({ ...lane, slots: emptySlots(lane, start, end, args.timeZone) })),
  }));
  return { days, groups, startMinute: start, endMinute: end, range: calendarRange(days, args.timeZone) };
}

/** Times with no active appointment (cancelled ones do not block) that exist on the wall clock that day. */
function emptySlots(lane: Omit<Lane, "slots">, start: number, end: number, timeZone: string): EmptySlot[] {
  const slots: EmptySlot[] = [];
  for (let minute = start; minute < end; minute += SLOT_MINUTES) {
    const overlapping = lane.appointments.filter((placed) => placed.start < minute + SLOT_MINUTES && placed.end > minute);
    const taken = overlapping.some((placed) => placed.appointment.status !== "CANCELLED");
    const instant = fromWallClock(lane.date, minute, timeZone);
    if (!taken && instant !== undefined) {
      slots.push({ minute, startsAt: new Date(instant).toISOString(), besideCancelled: overlapping.length > 0 });
    }
  }
  return slots;
}

export function minuteLabel(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

export function isWithin(minute: number, spans: MinuteSpan[]): boolean {
  return spans.some((span) => span.start <= minute && minute < span.end);
}
