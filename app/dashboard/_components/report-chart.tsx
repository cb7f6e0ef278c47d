"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartNumberFormat } from "@/lib/reports/report-formats";

export type ChartRow = { id: string; label: string; values: number[] };
/** Colours with at least 3:1 contrast on white (WCAG 1.4.11), distinct for colour-blind readers. */
export const CHART_COLOURS = ["#6d28d9", "#0f766e", "#b45309"] as const;

type Props = { rows: ChartRow[]; series: string[]; format: ChartNumberFormat; describedBy: string; title: string };

/**
 * A bar chart drawn with Recharts. Its accessibility layer makes the chart one tab stop whose arrow keys
 * move the tooltip bar by bar; the text summary and table beside it (describedBy) carry the same numbers.
 */
export function ReportChart({ rows, series, format, describedBy, title }: Props) {
  const formatter = new Intl.NumberFormat(format.locale, format.options);
  const data = rows.map((row) =>
    Object.fromEntries([["label", row.label], ...series.map((name, index) => [name, row.values[index] ?? 0])]),
  );
  return (
    <div role="img" aria-label={title} aria-describedby={describedBy} className="h-64 w-full">
      <BarChart data={data} responsive style={{ width: "100%", height: "100%" }} accessibilityLayer margin={{ left: 16, right: 8 }}>
        <CartesianGrid stroke="#d6d3d1" vertical={false} />
        <XAxis dataKey="label" tick={{ fill: "#44403c", fontSize: 12 }} />
        <YAxis tickFormatter={(value: number) => formatter.format(value)} tick={{ fill: "#44403c", fontSize: 12 }} width={72} />
        <Tooltip formatter={(value) => formatter.format(Number(value))} />
        {series.length > 1 && <Legend />}
        {series.map((name, index) => (
          <Bar key={name} dataKey={name} fill={CHART_COLOURS[index % CHART_COLOURS.length]} isAnimationActive={false} />
        ))}
      </BarChart>
    </div>
  );
}
