import Link from "next/link";
import type { ReactNode } from "react";

export type SummaryRow = { label: string; value: ReactNode; changeHref?: string };

/** The choices so far as a description list, each with a "Change" link back to its step. */
export function BookingSummary({ rows, title = "Your booking" }: { rows: SummaryRow[]; title?: string }) {
  return (
    <div className="rounded-2xl border border-stone-200 bg-white p-5">
      <h2 className="mb-3 font-semibold text-stone-900">{title}</h2>
      <dl className="flex flex-col gap-3 text-sm">
        {rows.map((row) => (
          // dt/dd must be direct children of the row's div (axe: dlitem), so the link sits inside the dd.
          <div key={row.label}>
            <dt className="text-stone-600">{row.label}</dt>
            <dd className="flex items-start justify-between gap-3 font-medium text-stone-900">
              <span>{row.value}</span>
              {row.changeHref && (
                <Link href={row.changeHref} className="shrink-0 font-normal text-brand-700 underline">
                  Change<span className="sr-only"> {row.label.toLowerCase()}</span>
                </Link>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
