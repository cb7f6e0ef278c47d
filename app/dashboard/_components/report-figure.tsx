import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import type { ChartNumberFormat } from "@/lib/reports/report-formats";
import { ReportChart, type ChartRow } from "./report-chart";

type Props = {
  id: string;
  title: string;
  /** One sentence with the headline numbers: the chart's text alternative. */
  summary: string;
  rows: ChartRow[];
  series: string[];
  /** The first column's header (the bars' labels). */
  labelHeader: string;
  format: ChartNumberFormat;
  csvHref: string;
  children?: ReactNode;
};

/** One report: its chart, the chart's text alternative, the same numbers as a table, and a CSV download. */
export function ReportFigure({ id, title, summary, rows, series, labelHeader, format, csvHref, children }: Props) {
  const formatter = new Intl.NumberFormat(format.locale, format.options);
  return (
    <Section id={id} title={title} className="rounded-lg border border-stone-200 bg-white p-4">
      <p id={`${id}-summary`} className="mb-2 text-sm text-stone-700">
        {summary}
      </p>
      {rows.length > 0 && <ReportChart rows={rows} series={series} format={format} describedBy={`${id}-summary`} title={title} />}
      <details className="mt-2">
        <summary className="cursor-pointer text-sm font-medium text-stone-800">Table view</summary>
        <DataTable
          variant="compact"
          caption={title}
          rows={rows}
          empty="Nothing in this range."
          columns={[
            { header: labelHeader, cell: (row) => row.label },
            ...series.map((name, index) => ({ header: name, cell: (row: ChartRow) => formatter.format(row.values[index] ?? 0) })),
          ]}
        />
      </details>
      {children}
      <a href={csvHref} className="mt-2 inline-block text-sm text-brand-700 underline" download>
        Download {title.toLowerCase()} as CSV
      </a>
    </Section>
  );
}
