import type { CalendarLayout, CalendarView } from "@/lib/dashboard/calendar-layout";
import { formatLocalDate } from "@/lib/dashboard/labels";
import { CalendarLane } from "./calendar-lane";
import { PX_PER_MINUTE } from "./calendar-scale";

type Props = { layout: CalendarLayout; view: CalendarView; today: string; timeZone: string; locale: string };

/**
 * The calendar: a time gutter, then one lane per (day, stylist). Day view: one lane per stylist; week
 * view: seven days, each split into its stylists' lanes. Every empty time and every appointment is a link
 * with a name that says the time, the day and the stylist, so the grid works from the keyboard alone.
 */
export function CalendarGrid({ layout, view, today, timeZone, locale }: Props) {
  const laneCount = layout.groups.reduce((count, group) => count + group.lanes.length, 0);
  const hours = [];
  for (let minute = layout.startMinute; minute < layout.endMinute; minute += 60) hours.push(minute);
  const height = (layout.endMinute - layout.startMinute) * PX_PER_MINUTE;
  const wide = view === "week" && laneCount > 7;
  const columns = `4rem repeat(${laneCount}, minmax(${wide ? "6.5rem" : "9rem"}, 1fr))`;

  return (
    <div className="overflow-x-auto rounded-lg border border-stone-300 bg-white" role="region" aria-label="Calendar" tabIndex={0}>
      <div className="grid min-w-full" style={{ gridTemplateColumns: columns }}>
        <div className="sticky left-0 z-20 border-b border-stone-300 bg-white" />
        {layout.groups.map((group) => (
          <div
            key={group.date}
            className="border-b border-l border-stone-300 px-2 py-2 text-center"
            style={{ gridColumn: `span ${group.lanes.length}` }}
          >
            <p className={`text-sm font-semibold ${group.date === today ? "text-brand-700" : "text-stone-900"}`}>
              {formatLocalDate(group.date, locale, view === "week" ? "short" : "long")}
              {group.date === today && <span className="ml-1 text-xs">(today)</span>}
            </p>
            {(view === "day" || group.lanes.length > 1) && (
              <div className="mt-1 grid" style={{ gridTemplateColumns: `repeat(${group.lanes.length}, minmax(0, 1fr))` }}>
                {group.lanes.map((lane) => (
                  <p key={lane.staff.id} className="flex items-center justify-center gap-1 truncate text-xs font-medium text-stone-800">
                    <span
                      aria-hidden
                      className="inline-block size-2.5 shrink-0 rounded-full"
                      style={{ backgroundColor: lane.staff.color }}
                    />
                    {lane.staff.name}
                  </p>
                ))}
              </div>
            )}
          </div>
        ))}

        <div className="sticky left-0 z-20 border-r border-stone-300 bg-white" style={{ height }} aria-hidden>
          {hours.map((minute) => (
            <p key={minute} className="relative text-right text-xs text-stone-700" style={{ height: 60 * PX_PER_MINUTE }}>
              <span className="absolute -top-2 right-2">{`${String(minute / 60).padStart(2, "0")}:00`}</span>
            </p>
          ))}
        </div>
        {layout.groups.flatMap((group) =>
          group.lanes.map((lane) => (
            <CalendarLane
              key={`${group.date}-${lane.staff.id}`}
              lane={lane}
              startMinute={layout.startMinute}
              endMinute={layout.endMinute}
              isToday={group.date === today}
              timeZone={timeZone}
              locale={locale}
            />
          )),
        )}
      </div>
    </div>
  );
}
