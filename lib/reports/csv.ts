import { stringify } from "csv-stringify/sync";
import type { Reports } from "./load-reports";
import type { TReportKind } from "./schema";

type Cell = string | number | null;

/** Amounts in major units with two decimals, rates as fractions: numbers a spreadsheet reads as numbers. */
const money = (minor: number) => (minor / 100).toFixed(2);
const rate = (value: number | null) => (value === null ? "" : value.toFixed(4));
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

function table(reports: Reports, kind: TReportKind): Cell[][] {
  const statuses = (row: Reports["stylists"][number] | Reports["services"][number]) => [
    row.total,
    row.booked,
    row.completed,
    row.cancelled,
    row.noShow,
    row.lateCancelled,
    rate(row.noShowRate),
    rate(row.lateCancellationRate),
  ];
  const statusHeader = ["total", "booked", "completed", "cancelled", "no_show", "late_cancelled", "no_show_rate", "late_cancellation_rate"];
  switch (kind) {
    case "revenue-by-day":
      return [
        ["date", `booked_${reports.currency}`, `completed_${reports.currency}`],
        ...reports.revenueByDay.map((day) => [day.day, money(day.booked), money(day.completed)]),
      ];
    case "revenue-by-stylist":
      return [
        ["stylist", `booked_${reports.currency}`, `completed_${reports.currency}`],
        ...reports.stylists.map((row) => [row.name, money(row.bookedRevenue), money(row.completedRevenue)]),
      ];
    case "utilisation":
      return [
        ["stylist", "booked_minutes", "working_minutes", "utilisation"],
        ...reports.stylists.map((row) => [row.name, row.bookedMinutes, row.workingMinutes, rate(row.utilisation)]),
      ];
    case "statuses-by-stylist":
      return [["stylist", ...statusHeader], ...reports.stylists.map((row) => [row.name, ...statuses(row)])];
    case "statuses-by-service":
      return [["service", ...statusHeader], ...reports.services.map((row) => [row.name, ...statuses(row)])];
    case "customers": {
      const c = reports.customers;
      return [
        ["customers", "new_customers", "returning_customers", "completed_visits", "rebooked_visits", "rebooking_rate"],
        [c.customers, c.newCustomers, c.returningCustomers, c.completedVisits, c.rebookedVisits, rate(c.rebookingRate)],
      ];
    }
    case "top-services":
      return [
        ["service", "appointments", `completed_${reports.currency}`],
        ...reports.topServices.byCount.map((row) => [row.name, row.total - row.cancelled, money(row.completedRevenue)]),
      ];
    case "busiest-hours":
      return [
        ["weekday", ...Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2, "0")}:00`)],
        ...reports.busiestHours.map((hours, index) => [WEEKDAYS[index]!, ...hours]),
      ];
  }
}

/** One report as CSV (RFC 4180 quoting by the writer: names with commas or quotes stay intact). */
export function reportCsv(reports: Reports, kind: TReportKind): string {
  return stringify(table(reports, kind));
}
