import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, FilterDate, FilterSelect } from "@/components/dashboard/filter-fields";
import { namedOptions } from "@/components/dashboard/select-field";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { requirePermission } from "@/lib/auth/gates";
import { VIEW_REPORTS, can } from "@/lib/auth/permissions";
import { actorOf } from "@/lib/auth/session";
import { salonToday } from "@/lib/dashboard/clock";
import { isAppError } from "@/lib/errors";
import { filterOfQuery } from "@/lib/reports/date-range";
import { loadReports } from "@/lib/reports/load-reports";
import { reportFormats } from "@/lib/reports/report-formats";
import { REPORT_PRESETS, REPORT_PRESET_LABELS, ZReportQuery, type TReportKind } from "@/lib/reports/schema";
import { getSalonSettings } from "@/lib/salon/data";
import { listServices } from "@/lib/services/data";
import { listStaff } from "@/lib/staff/data";
import { ReportFigure } from "../_components/report-figure";

export const metadata: Metadata = { title: "Reports" };

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Revenue, utilisation, statuses, customers and busiest hours for a range; stylists see their own figures. */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission(VIEW_REPORTS, "/dashboard/reports");
  const query = ZReportQuery.parse(await searchParams);
  const salon = await getSalonSettings();
  const filter = filterOfQuery(query, salonToday(salon.timezone));
  const seesEveryone = can(user.role, "reports.viewAll");
  const [staff, services] = await Promise.all([
    listStaff({ includeInactive: true, limit: 200 }),
    listServices({ includeInactive: true, limit: 200 }),
  ]);
  let reports;
  try {
    reports = await loadReports(actorOf(user), filter);
  } catch (error) {
    if (!isAppError(error)) throw error;
    reports = error;
  }

  const params = new URLSearchParams({
    preset: query.preset,
    from: filter.from,
    to: filter.to,
    ...(filter.staffId && { staffId: filter.staffId }),
    ...(filter.serviceId && { serviceId: filter.serviceId }),
  });
  const csv = (kind: TReportKind) => `/dashboard/reports/${kind}.csv?${params}`;
  const { money, percent, whole, show: fmt, day: dayLabel } = reportFormats(salon);

  return (
    <>
      <PageHeader title="Reports" />
      <FilterBar action="/dashboard/reports" label="Choose the report range" submitLabel="Show">
        <FilterSelect
          label="Range"
          name="preset"
          defaultValue={query.preset}
          options={REPORT_PRESETS.map((preset) => ({ value: preset, label: REPORT_PRESET_LABELS[preset] }))}
        />
        <FilterDate label="From (custom)" name="from" defaultValue={filter.from} />
        <FilterDate label="To (custom)" name="to" defaultValue={filter.to} />
        {seesEveryone && (
          <FilterSelect label="Stylist" name="staffId" defaultValue={filter.staffId} anyLabel="Everyone" options={namedOptions(staff)} />
        )}
        <FilterSelect
          label="Service"
          name="serviceId"
          defaultValue={filter.serviceId}
          anyLabel="Every service"
          options={namedOptions(services)}
        />
      </FilterBar>
      {isAppError(reports) ? (
        <p role="status" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {reports.fieldErrors.map((error) => error.message).join(" ") || reports.message}
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <p className="text-sm text-stone-700 lg:col-span-2">
            {reports.scope.from} to {reports.scope.to} in {reports.scope.timezone}
            {seesEveryone ? "" : ", your own appointments only"}.{" "}
            <Link href="/dashboard/reports?preset=last-month" className="text-brand-700 underline">
              Last month
            </Link>
          </p>
          <Section id="headline" title="Headline figures" className="rounded-lg border border-stone-200 bg-white p-4 lg:col-span-2">
            <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
              {[
                ["Completed revenue", fmt(money, reports.totals.completedRevenue / 100)],
                ["Booked revenue", fmt(money, reports.totals.bookedRevenue / 100)],
                ["Appointments", fmt(whole, reports.totals.total)],
                ["Utilisation", fmt(percent, reports.totals.utilisation)],
                ["No-show rate", fmt(percent, reports.totals.noShowRate)],
              ].map(([label, value]) => (
                <div key={label}>
                  <dt className="text-stone-700">{label}</dt>
                  <dd className="text-lg font-semibold text-stone-900">{value}</dd>
                </div>
              ))}
            </dl>
          </Section>
          {[
            {
              id: "revenue-by-day" as const,
              title: "Revenue by day",
              labelHeader: "Date",
              summary: `Booked ${fmt(money, reports.totals.bookedRevenue / 100)}, completed ${fmt(money, reports.totals.completedRevenue / 100)} over ${reports.revenueByDay.length} days.`,
              rows: reports.revenueByDay.map((day) => ({
                id: day.day,
                label: dayLabel(day.day),
                values: [day.booked / 100, day.completed / 100],
              })),
            },
            {
              id: "revenue-by-stylist" as const,
              title: "Revenue by stylist",
              labelHeader: "Stylist",
              summary:
                reports.stylists.map((row) => `${row.name}: completed ${fmt(money, row.completedRevenue / 100)}`).join("; ") ||
                "No stylists in this range.",
              rows: reports.stylists.map((row) => ({
                id: row.staffId,
                label: row.name,
                values: [row.bookedRevenue / 100, row.completedRevenue / 100],
              })),
            },
          ].map((figure) => (
            <ReportFigure key={figure.id} {...figure} series={["Booked", "Completed"]} format={money} csvHref={csv(figure.id)} />
          ))}
          <ReportFigure
            id="utilisation"
            title="Utilisation"
            summary={
              reports.stylists
                .map((row) => `${row.name}: ${fmt(percent, row.utilisation)} of ${fmt(whole, row.workingMinutes)} working minutes`)
                .join("; ") || "No working time in this range."
            }
            labelHeader="Stylist"
            series={["Utilisation"]}
            rows={reports.stylists.map((row) => ({ id: row.staffId, label: row.name, values: [row.utilisation ?? 0] }))}
            format={percent}
            csvHref={csv("utilisation")}
          />
          {(
            [
              { kind: "statuses-by-stylist", noun: "stylist", rows: reports.stylists.map((row) => ({ ...row, id: row.staffId })) },
              { kind: "statuses-by-service", noun: "service", rows: reports.services.map((row) => ({ ...row, id: row.serviceId })) },
            ] as const
          ).map(({ kind, noun, rows }) => (
            <ReportFigure
              key={kind}
              id={kind}
              title={`No-shows and late cancellations by ${noun}`}
              summary={
                rows
                  .map(
                    (row) =>
                      `${row.name}: no-shows ${fmt(percent, row.noShowRate)}, late cancellations ${fmt(percent, row.lateCancellationRate)}`,
                  )
                  .join("; ") || "No appointments in this range."
              }
              labelHeader={noun === "stylist" ? "Stylist" : "Service"}
              series={["No-show rate", "Late-cancellation rate"]}
              rows={rows.map((row) => ({ id: row.id, label: row.name, values: [row.noShowRate ?? 0, row.lateCancellationRate ?? 0] }))}
              format={percent}
              csvHref={csv(kind)}
            >
              <StatusTable rows={rows} caption={`Appointments by status and ${noun}`} />
            </ReportFigure>
          ))}
          <ReportFigure
            id="customers"
            title="New and returning customers"
            summary={`${reports.customers.newCustomers} new and ${reports.customers.returningCustomers} returning customers; ${fmt(percent, reports.customers.rebookingRate)} of ${reports.customers.completedVisits} completed visits were followed by another booking within 8 weeks.`}
            labelHeader="Customers"
            series={["Customers"]}
            rows={[
              { id: "new", label: "New", values: [reports.customers.newCustomers] },
              { id: "returning", label: "Returning", values: [reports.customers.returningCustomers] },
            ]}
            format={whole}
            csvHref={csv("customers")}
          />
          <ReportFigure
            id="top-services"
            title="Top services"
            summary={
              reports.topServices.byCount
                .slice(0, 3)
                .map((row) => `${row.name}: ${row.total - row.cancelled} appointments`)
                .join("; ") || "No appointments in this range."
            }
            labelHeader="Service"
            series={["Appointments"]}
            rows={reports.topServices.byCount.map((row) => ({ id: row.serviceId, label: row.name, values: [row.total - row.cancelled] }))}
            format={whole}
            csvHref={csv("top-services")}
          >
            <DataTable
              variant="compact"
              caption="Top services by completed revenue"
              rows={reports.topServices.byRevenue.map((row) => ({ ...row, id: row.serviceId }))}
              columns={[
                { header: "Service", cell: (row) => row.name },
                { header: "Completed revenue", cell: (row) => fmt(money, row.completedRevenue / 100) },
              ]}
            />
          </ReportFigure>
          <Section
            id="busiest-hours"
            title="Busiest hours"
            className="overflow-x-auto rounded-lg border border-stone-200 bg-white p-4 lg:col-span-2"
          >
            <p className="mb-2 text-sm text-stone-700">
              Appointments by the weekday and hour they start, in the salon&apos;s time. Darker is busier.
            </p>
            <HeatMap grid={reports.busiestHours} />
            <a href={csv("busiest-hours")} className="mt-2 inline-block text-sm text-brand-700 underline" download>
              Download busiest hours as CSV
            </a>
          </Section>
        </div>
      )}
    </>
  );
}

function StatusTable({
  rows,
  caption,
}: {
  rows: Array<{
    id: string;
    name: string;
    total: number;
    booked: number;
    completed: number;
    cancelled: number;
    noShow: number;
    lateCancelled: number;
  }>;
  caption: string;
}) {
  return (
    <DataTable
      variant="compact"
      caption={caption}
      rows={rows}
      columns={[
        { header: "Name", cell: (row) => row.name },
        { header: "Booked", cell: (row) => row.booked },
        { header: "Completed", cell: (row) => row.completed },
        { header: "Cancelled", cell: (row) => row.cancelled },
        { header: "Late", cell: (row) => row.lateCancelled },
        { header: "No-show", cell: (row) => row.noShow },
      ]}
    />
  );
}

/** The weekday × hour grid as a table (its own text alternative), shaded by share of the busiest cell. */
function HeatMap({ grid }: { grid: number[][] }) {
  const max = Math.max(1, ...grid.flat());
  const hours = Array.from({ length: 24 }, (_, hour) => hour).filter(
    (hour) => grid.some((day) => day[hour]! > 0) || (hour >= 8 && hour < 20),
  );
  return (
    <table className="text-center text-xs">
      <caption className="sr-only">Appointments by weekday and starting hour</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          {hours.map((hour) => (
            <th key={hour} scope="col" className="px-1 font-medium">
              {String(hour).padStart(2, "0")}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.map((day, index) => (
          <tr key={WEEKDAYS[index]}>
            <th scope="row" className="pr-2 text-left font-medium">
              {WEEKDAYS[index]}
            </th>
            {hours.map((hour) => {
              const share = day[hour]! / max;
              return (
                <td
                  key={hour}
                  className={`h-8 min-w-8 border border-white ${share > 0.5 ? "text-white" : "text-stone-900"}`}
                  style={{ backgroundColor: `rgba(109, 40, 217, ${0.08 + share * 0.92})` }}
                >
                  {day[hour]}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
