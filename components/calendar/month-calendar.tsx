"use client";

import { handleRovingKeyDown } from "@/components/hooks/roving-focus";
import { addMonths, formatLongDate, formatMonth, monthGrid } from "@/lib/time/calendar-month";

type MonthCalendarProps = {
  month: string;
  /** The salon's BCP 47 locale, for the month and day names. */
  locale: string;
  /** How many free times each date has; dates missing here have none. */
  counts: Map<string, number>;
  selectedDate?: string;
  minMonth: string;
  maxMonth: string;
  loading: boolean;
  onSelectDate: (date: string) => void;
  onChangeMonth: (month: string) => void;
};

const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** A month of days; days with free times are marked (dot + label), arrows move between days. */
export function MonthCalendar({
  month,
  locale,
  counts,
  selectedDate,
  minMonth,
  maxMonth,
  loading,
  onSelectDate,
  onChangeMonth,
}: MonthCalendarProps) {
  const weeks = monthGrid(month);
  const firstFree = weeks.flat().find((day) => day && counts.has(day));
  const tabStop = selectedDate?.startsWith(month) ? selectedDate : (firstFree ?? `${month}-01`);
  const navClass =
    "min-h-11 min-w-11 rounded-lg border border-stone-300 bg-white px-3 text-stone-900 hover:bg-stone-100 disabled:opacity-40";
  return (
    <div className="rounded-2xl border border-stone-200 bg-white p-4">
      <div className="mb-3 flex items-center justify-between gap-2">
        <button type="button" className={navClass} disabled={month <= minMonth} onClick={() => onChangeMonth(addMonths(month, -1))}>
          <span aria-hidden>‹</span>
          <span className="sr-only">Previous month</span>
        </button>
        <h3 className="font-semibold text-stone-900" id="calendar-month" aria-live="polite">
          {formatMonth(month, locale)}
        </h3>
        <button type="button" className={navClass} disabled={month >= maxMonth} onClick={() => onChangeMonth(addMonths(month, 1))}>
          <span aria-hidden>›</span>
          <span className="sr-only">Next month</span>
        </button>
      </div>
      <table className="w-full table-fixed border-collapse text-center" aria-labelledby="calendar-month" aria-busy={loading}>
        <thead>
          <tr>
            {weekdays.map((day, index) => (
              <th key={day} scope="col" abbr={weekdayNames[index]} className="pb-2 text-xs font-medium text-stone-600">
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={(event) => handleRovingKeyDown(event, { columns: 7, includeDisabled: true })}>
          {weeks.map((week, row) => (
            <tr key={row}>
              {week.map((day, column) => {
                if (!day) return <td key={column} />;
                const free = counts.get(day) ?? 0;
                const selected = day === selectedDate;
                return (
                  <td key={day} className="p-0.5">
                    <button
                      type="button"
                      data-roving
                      data-date={day}
                      tabIndex={day === tabStop ? 0 : -1}
                      aria-disabled={free === 0}
                      aria-pressed={selected}
                      aria-label={`${formatLongDate(day, locale)}, ${loading ? "checking" : free === 0 ? "no free times" : `${free} free times`}`}
                      onClick={() => free > 0 && onSelectDate(day)}
                      className={`relative flex h-11 w-full flex-col items-center justify-center rounded-lg text-sm ${
                        selected
                          ? "bg-brand-700 font-semibold text-white"
                          : free > 0
                            ? "font-semibold text-stone-900 hover:bg-brand-100"
                            : "cursor-default text-stone-500"
                      }`}
                    >
                      {Number(day.slice(8))}
                      {free > 0 && (
                        <span aria-hidden className={`absolute bottom-1 size-1.5 rounded-full ${selected ? "bg-white" : "bg-brand-700"}`} />
                      )}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
