import { formatLocalDate } from "@/lib/dashboard/labels";

/** How a chart's numbers read: handed to the client chart as data, since a formatter cannot cross over. */
export type ChartNumberFormat = { locale: string; options: Intl.NumberFormatOptions };

/**
 * The reports' numbers and dates in the salon's locale and currency, one set for the charts, their tables
 * and the text summaries, so all three say the same thing the same way.
 */
export function reportFormats({ locale, currency }: { locale: string; currency: string }) {
  const money: ChartNumberFormat = { locale, options: { style: "currency", currency: currency.trim() } };
  const percent: ChartNumberFormat = { locale, options: { style: "percent", maximumFractionDigits: 1 } };
  const whole: ChartNumberFormat = { locale, options: { maximumFractionDigits: 0 } };
  return {
    money,
    percent,
    whole,
    /** A figure as text; null (no data to divide by) as a dash. */
    show: (format: ChartNumberFormat, value: number | null) =>
      value === null ? "—" : new Intl.NumberFormat(format.locale, format.options).format(value),
    /** A report day (YYYY-MM-DD, salon-local) as a bar's label, e.g. "Mon, 7 Jan". */
    day: (date: string) => formatLocalDate(date, locale, "short"),
  };
}
