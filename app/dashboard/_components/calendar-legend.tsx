import { statusStyles } from "@/lib/dashboard/labels";

/** What the marks mean, in words: status colours always come with an icon and a label. */
export function CalendarLegend() {
  return (
    <ul aria-label="Legend" className="mt-3 flex flex-wrap gap-3 text-xs text-stone-800">
      {Object.values(statusStyles).map((status) => (
        <li key={status.label} className={`rounded border-l-4 px-2 py-1 ${status.block}`}>
          <span aria-hidden>{status.icon} </span>
          {status.label}
        </li>
      ))}
      <li className="rounded border border-stone-300 bg-white px-2 py-1">Working hours</li>
      <li
        className="rounded border border-stone-300 px-2 py-1"
        style={{ backgroundImage: "repeating-linear-gradient(135deg, #f5f5f4 0 6px, #e7e5e4 6px 12px)" }}
      >
        Closed or break
      </li>
      <li className="rounded border border-amber-700 bg-amber-50 px-2 py-1 text-amber-900">Time off</li>
      <li className="flex items-center gap-1 px-2 py-1">
        <span aria-hidden className="inline-block h-0.5 w-4 bg-red-600" /> Now
      </li>
    </ul>
  );
}
