import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { getSalonSettings, type SalonSettings } from "@/lib/salon/data";
import { addDays, startOfLocalDay } from "@/lib/time/zoned";
import {
  busiestHours,
  customerFigures,
  figuresByService,
  figuresByStylist,
  revenueByDay,
  workingMinutesByStylist,
  type ReportScope,
} from "./data";
import { customerReport, everyDay, hourGrid, serviceReports, stylistReports, topServices, totalsOf } from "./figures";
import { ZReportFilter } from "./schema";

/**
 * Whose figures the actor may see: anyone's with reports.viewAll, only their own with reports.viewOwn
 * (a stylist asking for a colleague is refused, not silently narrowed, so an API client learns why).
 */
function staffScopeFor(actor: Actor, staffId: string | undefined): string | undefined {
  if (actorCan(actor, "reports.viewAll")) return staffId;
  if (actor.kind === "user" && actorCan(actor, "reports.viewOwn")) {
    if (staffId && staffId !== actor.userId) throw new AppError("FORBIDDEN", "You can only see your own figures.");
    return actor.userId;
  }
  throw new AppError("FORBIDDEN", "You do not have permission to see reports.");
}

/** The validated scope of a report request, in the salon's timezone. */
export function reportScope(actor: Actor, input: unknown, salon: Pick<SalonSettings, "timezone" | "cancelCutoffMinutes">): ReportScope {
  const filter = parseInput(ZReportFilter, input);
  return {
    timezone: salon.timezone,
    from: filter.from,
    to: filter.to,
    fromInstant: new Date(startOfLocalDay(filter.from, salon.timezone)),
    untilInstant: new Date(startOfLocalDay(addDays(filter.to, 1), salon.timezone)),
    staffId: staffScopeFor(actor, filter.staffId),
    serviceId: filter.serviceId,
    lateCutoffMinutes: salon.cancelCutoffMinutes,
  };
}

/**
 * Every report of the reports page for one range and filter. The queries run one after another: each is
 * a single aggregate, and the embedded database serves one statement at a time anyway.
 */
export async function loadReports(actor: Actor, input: unknown) {
  const salon = await getSalonSettings();
  const scope = reportScope(actor, input, salon);
  const days = await revenueByDay(scope);
  const stylists = stylistReports(await figuresByStylist(scope), await workingMinutesByStylist(scope));
  const services = serviceReports(await figuresByService(scope));
  const customers = customerReport(await customerFigures(scope));
  const hours = hourGrid(await busiestHours(scope));
  return {
    scope,
    currency: salon.currency,
    revenueByDay: everyDay(scope.from, scope.to, days),
    stylists,
    services,
    topServices: topServices(services),
    customers,
    busiestHours: hours,
    totals: totalsOf(stylists),
  };
}

export type Reports = Awaited<ReturnType<typeof loadReports>>;

/** The headline figures only (the API's summary). */
export async function loadReportSummary(actor: Actor, input: unknown) {
  const salon = await getSalonSettings();
  const scope = reportScope(actor, input, salon);
  const totals = totalsOf(stylistReports(await figuresByStylist(scope), await workingMinutesByStylist(scope)));
  return { scope, currency: salon.currency, totals };
}
