import Link from "next/link";
import { isWithin, minuteLabel, SLOT_MINUTES, type Lane } from "@/lib/dashboard/calendar-layout";
import { formatLocalDate, statusStyles, visitEdgeColour } from "@/lib/dashboard/labels";
import { PX_PER_MINUTE } from "./calendar-scale";
import { NowLine } from "./now-line";

type Props = { lane: Lane; startMinute: number; endMinute: number; isToday: boolean; timeZone: string; locale: string };

// Closed time is hatched, open time plain white, so working hours stand out without relying on hue.
const CLOSED = "repeating-linear-gradient(135deg, #f5f5f4 0 6px, #e7e5e4 6px 12px)";
const HOUR_LINES = `repeating-linear-gradient(to bottom, #d6d3d1 0 1px, transparent 1px ${60 * PX_PER_MINUTE}px)`;

export function CalendarLane({ lane, startMinute, endMinute, isToday, timeZone, locale }: Props) {
  const top = (minute: number) => (Math.max(minute, startMinute) - startMinute) * PX_PER_MINUTE;
  const span = (from: number, to: number) => ({ top: top(from), height: Math.max(top(Math.min(to, endMinute)) - top(from), 2) });
  const day = formatLocalDate(lane.date, locale, "short");
  const breaks = lane.working.slice(1).map((interval, index) => ({ start: lane.working[index]!.end, end: interval.start }));

  return (
    <div
      className="relative border-l border-stone-300"
      style={{ height: (endMinute - startMinute) * PX_PER_MINUTE, backgroundImage: CLOSED }}
    >
      {lane.working.map((interval) => (
        <div key={interval.start} aria-hidden className="absolute inset-x-0 bg-white" style={span(interval.start, interval.end)} />
      ))}
      <div
        aria-hidden
        className="pointer-events-none absolute inset-0"
        style={{ backgroundImage: HOUR_LINES, backgroundPositionY: "-1px" }}
      />
      {breaks.map((gap) => (
        <p
          key={gap.start}
          aria-hidden
          className="absolute inset-x-0 px-1 text-[11px] font-medium text-stone-700"
          style={span(gap.start, gap.end)}
        >
          Break
        </p>
      ))}
      {lane.timeOff.map((off) => (
        <p
          key={off.start}
          className="absolute inset-x-0 border-y border-amber-700 bg-amber-50/90 px-1 text-[11px] font-semibold text-amber-900"
          style={span(off.start, off.end)}
        >
          Time off{off.reason ? `: ${off.reason}` : ""}
        </p>
      ))}
      {lane.slots.map((slot) => {
        const time = minuteLabel(slot.minute);
        const outside = !isWithin(slot.minute, lane.working);
        return (
          <Link
            key={slot.minute}
            href={`/dashboard/appointments/new?staff=${lane.staff.id}&date=${lane.date}&time=${time}`}
            className="group absolute left-0 z-10 flex items-start px-1 text-[11px] text-transparent hover:bg-brand-50 hover:text-brand-900 focus-visible:z-30 focus-visible:bg-brand-50 focus-visible:text-brand-900"
            style={{ ...span(slot.minute, slot.minute + SLOT_MINUTES), width: slot.besideCancelled ? "50%" : "100%" }}
          >
            <span aria-hidden>+ {time}</span>
            <span className="sr-only">
              New appointment at {time}, {day}, with {lane.staff.name}
              {outside ? " (outside working hours)" : ""}
            </span>
          </Link>
        );
      })}
      {lane.appointments.map((placed) => {
        const { appointment } = placed;
        const status = statusStyles[appointment.status];
        // A lone cancelled block keeps to the right half, leaving its time bookable on the left.
        const aside = appointment.status === "CANCELLED" && placed.columns === 1;
        const width = aside ? 50 : 100 / placed.columns;
        const left = aside ? 50 : placed.column * width;
        const style = { ...span(placed.start, placed.end), left: `${left}%`, width: `calc(${width}% - 2px)` };
        const when = `${minuteLabel(placed.start)}–${minuteLabel(placed.end % (24 * 60))}`;
        if (!appointment.customer || !appointment.service) {
          // A colleague's appointment: only that the time is taken, no link to details the viewer may not open.
          return (
            <div
              key={appointment.id}
              data-busy-block
              className="absolute z-20 overflow-hidden rounded-md border-l-4 border-stone-500 bg-stone-100 px-1.5 py-0.5 text-left text-xs leading-tight text-stone-900"
              style={style}
            >
              <span className="block font-semibold">{when} Busy</span>
              <span className="sr-only">
                , {day}, with {lane.staff.name}
              </span>
            </div>
          );
        }
        const { segment } = appointment;
        return (
          <Link
            key={appointment.id}
            // A segment opens its visit, where every segment (and its own appointment page) is one click away.
            href={segment ? `/dashboard/visits/${segment.visitId}` : `/dashboard/appointments/${appointment.id}`}
            data-appointment-id={appointment.id}
            data-visit-id={segment?.visitId}
            className={`absolute z-20 overflow-hidden rounded-md border-l-4 px-1.5 py-0.5 text-left text-xs leading-tight text-stone-900 shadow-sm hover:z-30 hover:overflow-visible focus-visible:z-30 ${status.block}`}
            style={segment ? { ...style, borderLeftColor: visitEdgeColour(segment.visitId) } : style}
          >
            <span className="block font-semibold">
              {when} {appointment.customer.name}
            </span>
            <span className="block truncate">{appointment.service.name}</span>
            {segment ? (
              <span className="block font-semibold">
                {segment.position} of {segment.count}
                <span className="sr-only"> in one visit</span>
              </span>
            ) : null}
            <span className={`mt-0.5 inline-block rounded px-1 font-semibold ${status.badge}`}>
              <span aria-hidden>{status.icon} </span>
              {status.label}
            </span>
            <span className="sr-only">
              , {day}, with {lane.staff.name}
            </span>
          </Link>
        );
      })}
      {isToday && <NowLine timeZone={timeZone} startMinute={startMinute} endMinute={endMinute} />}
    </div>
  );
}
