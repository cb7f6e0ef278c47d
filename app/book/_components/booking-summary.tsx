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
          <div key={row.label} className="flex items-start justify-between gap-3">
            <div>
              <dt className="text-stone-600">{row.label}</dt>
              <dd className="font-medium text-stone-900">{row.value}</dd>
            </div>
            {row.changeHref && (
              <Link href={row.changeHref} className="text-brand-700 underline">
                Change<span className="sr-only"> {row.label.toLowerCase()}</span>
              </Link>
            )}
          </div>
        ))}
      </dl>
    </div>
  );
}
