import Link from "next/link";
import { namedOptions, SelectOptions } from "@/components/dashboard/select-field";
import { buttonClass } from "@/components/ui/button";
import { calendarDays, type CalendarView } from "@/lib/dashboard/calendar-layout";
import { formatLocalDate } from "@/lib/dashboard/labels";
import { addDays } from "@/lib/time/zoned";

type Props = {
  date: string;
  today: string;
  view: CalendarView;
  staffId?: string;
  staffOptions: Array<{ id: string; name: string }>;
  timeZone: string;
  locale: string;
};

const viewLinks: Array<[CalendarView, string]> = [
  ["day", "Day"],
  ["week", "Week"],
];

function href(params: { date: string; view: CalendarView; staff?: string }): string {
  const search = new URLSearchParams({ date: params.date, view: params.view });
  if (params.staff) search.set("staff", params.staff);
  return `/dashboard?${search.toString()}`;
}

/** Date navigation, view switch and stylist filter: plain links and a GET form, so the URL is the state. */
export function CalendarToolbar({ date, today, view, staffId, staffOptions, timeZone, locale }: Props) {
  const step = view === "week" ? 7 : 1;
  const unit = view === "week" ? "week" : "day";
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold text-stone-900">
          {view === "week" ? `Week of ${formatLocalDate(calendarDays(date, "week")[0]!, locale)}` : formatLocalDate(date, locale)}
        </h1>
        <p className="text-sm text-stone-700">Times in the salon&apos;s timezone ({timeZone}).</p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Link className={buttonClass("secondary")} href={href({ date: addDays(date, -step), view, staff: staffId })}>
          <span aria-hidden>←</span> Previous {unit}
        </Link>
        <Link
          className={buttonClass("secondary")}
          href={href({ date: today, view, staff: staffId })}
          aria-current={date === today ? "date" : undefined}
        >
          Today
        </Link>
        <Link className={buttonClass("secondary")} href={href({ date: addDays(date, step), view, staff: staffId })}>
          Next {unit} <span aria-hidden>→</span>
        </Link>
        {viewLinks.map(([linkView, label]) => (
          <Link
            key={linkView}
            className={buttonClass(view === linkView ? "primary" : "secondary")}
            href={href({ date, view: linkView, staff: staffId })}
            aria-current={view === linkView ? "page" : undefined}
          >
            {label}
          </Link>
        ))}
        <form action="/dashboard" className="flex items-end gap-2">
          <input type="hidden" name="date" value={date} />
          <input type="hidden" name="view" value={view} />
          <label className="flex flex-col text-xs font-medium text-stone-800">
            Stylist
            <select name="staff" defaultValue={staffId ?? ""} className="min-h-11 rounded-lg border border-stone-400 bg-white px-2 text-sm">
              <option value="">All stylists</option>
              <SelectOptions options={namedOptions(staffOptions)} />
            </select>
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            Show
          </button>
        </form>
      </div>
    </div>
  );
}
