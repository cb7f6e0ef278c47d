import { addDays } from "@/lib/time/zoned";
import type { CustomerFigures, Figures, HourCount, RevenueDay, ServiceFigures, StylistFigures, WorkingMinutes } from "./data";

/** a ÷ b, or null when there is nothing to divide by (a rate of no appointments is unknown, not 0 %). */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export type Rates = {
  /** No-shows among the appointments whose outcome is known (completed or no-show). */
  noShowRate: number | null;
  /** Cancellations later than the salon's cutoff among all appointments. */
  lateCancellationRate: number | null;
};

export function ratesOf(figures: Figures): Rates {
  return {
    noShowRate: ratio(figures.noShow, figures.completed + figures.noShow),
    lateCancellationRate: ratio(figures.lateCancelled, figures.total),
  };
}

export type StylistReport = StylistFigures & Rates & { workingMinutes: number; utilisation: number | null };
export type ServiceReport = ServiceFigures & Rates;

const NO_FIGURES: Figures = {
  total: 0,
  booked: 0,
  completed: 0,
  cancelled: 0,
  noShow: 0,
  lateCancelled: 0,
  bookedRevenue: 0,
  completedRevenue: 0,
  bookedMinutes: 0,
};

/** Every local date of the range, with zero revenue where nothing was booked (a chart's gaps are real days). */
export function everyDay(from: string, to: string, days: RevenueDay[]): RevenueDay[] {
  const byDay = new Map(days.map((day) => [day.day, day]));
  const result: RevenueDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) result.push(byDay.get(day) ?? { day, booked: 0, completed: 0 });
  return result;
}

/** One row per stylist who worked or was booked in the range: figures, working minutes and utilisation. */
export function stylistReports(figures: StylistFigures[], working: WorkingMinutes[]): StylistReport[] {
  const rows = new Map<string, StylistFigures>(figures.map((row) => [row.staffId, row]));
  for (const row of working) if (!rows.has(row.staffId)) rows.set(row.staffId, { ...NO_FIGURES, staffId: row.staffId, name: row.name });
  const minutes = new Map(working.map((row) => [row.staffId, row.workingMinutes]));
  return [...rows.values()]
    .map((row) => {
      const workingMinutes = minutes.get(row.staffId) ?? 0;
      return { ...row, ...ratesOf(row), workingMinutes, utilisation: ratio(row.bookedMinutes, workingMinutes) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function serviceReports(figures: ServiceFigures[]): ServiceReport[] {
  return figures.map((row) => ({ ...row, ...ratesOf(row) }));
}

/** Services by appointments (not cancelled), then by completed revenue: the two rankings. */
export function topServices(services: ServiceReport[], limit = 10) {
  const served = services.filter((service) => service.total > service.cancelled);
  return {
    byCount: [...served].sort((a, b) => b.total - b.cancelled - (a.total - a.cancelled) || a.name.localeCompare(b.name)).slice(0, limit),
    byRevenue: [...served].sort((a, b) => b.completedRevenue - a.completedRevenue || a.name.localeCompare(b.name)).slice(0, limit),
  };
}

export type Totals = Figures & Rates & { workingMinutes: number; utilisation: number | null };

export function totalsOf(stylists: StylistReport[]): Totals {
  const sum = (key: keyof Figures | "workingMinutes") => stylists.reduce((total, row) => total + row[key], 0);
  const figures: Figures = {
    total: sum("total"),
    booked: sum("booked"),
    completed: sum("completed"),
    cancelled: sum("cancelled"),
    noShow: sum("noShow"),
    lateCancelled: sum("lateCancelled"),
    bookedRevenue: sum("bookedRevenue"),
    completedRevenue: sum("completedRevenue"),
    bookedMinutes: sum("bookedMinutes"),
  };
  const workingMinutes = sum("workingMinutes");
  return { ...figures, ...ratesOf(figures), workingMinutes, utilisation: ratio(figures.bookedMinutes, workingMinutes) };
}

export type CustomerReport = CustomerFigures & { returningCustomers: number; rebookingRate: number | null };

export function customerReport(figures: CustomerFigures): CustomerReport {
  return {
    ...figures,
    returningCustomers: figures.customers - figures.newCustomers,
    rebookingRate: ratio(figures.rebookedVisits, figures.completedVisits),
  };
}

/** The 7 × 24 grid (Monday first), zero where nothing started. */
export function hourGrid(hours: HourCount[]): number[][] {
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const cell of hours) grid[cell.weekday - 1]![cell.hour] = cell.appointments;
  return grid;
}
