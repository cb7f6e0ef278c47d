import { withProblemRoute } from "@/lib/api/with-problem-route";
import { VIEW_REPORTS, canAny } from "@/lib/auth/permissions";
import { actorOf, currentUser } from "@/lib/auth/session";
import { salonToday } from "@/lib/dashboard/clock";
import { AppError } from "@/lib/errors";
import { reportCsv } from "@/lib/reports/csv";
import { filterOfQuery } from "@/lib/reports/date-range";
import { loadReports } from "@/lib/reports/load-reports";
import { ZReportKind, ZReportQuery } from "@/lib/reports/schema";
import { getSalonSettings } from "@/lib/salon/data";

type Context = { params: Promise<{ report: string }> };

/** One report of the reports page as a CSV download, for the same range and filters as the page. */
export const GET = withProblemRoute("/dashboard/reports/[report]", async (request: Request, { params }: Context) => {
  const user = await currentUser();
  if (!user || !canAny(user.role, VIEW_REPORTS)) throw new AppError("FORBIDDEN", "You do not have permission to see reports.");
  const kind = ZReportKind.safeParse((await params).report.replace(/\.csv$/, ""));
  if (!kind.success) throw new AppError("NOT_FOUND", "There is no such report.");
  const salon = await getSalonSettings();
  const query = ZReportQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const reports = await loadReports(actorOf(user), filterOfQuery(query, salonToday(salon.timezone)));
  return new Response(reportCsv(reports, kind.data), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${kind.data}-${reports.scope.from}-${reports.scope.to}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
