import { ok } from "@/lib/api/result";
import { toApiReportSummary, ZApiReportSummaryQuery } from "@/lib/api/schemas/reports";
import { queryObject, validate } from "@/lib/api/validate";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { VIEW_REPORTS } from "@/lib/auth/permissions";
import { loadReportSummary } from "@/lib/reports/load-reports";

export const GET = withApiRoute({ scope: "reports:read", permission: VIEW_REPORTS }, async ({ request, principal }) => {
  const query = validate(ZApiReportSummaryQuery, queryObject(request), "query");
  return ok(toApiReportSummary(await loadReportSummary(principal.actor, query)));
});

const notAllowed = methodNotAllowed("GET");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
