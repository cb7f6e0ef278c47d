import { pageOf } from "@/lib/cursor";
import { pageParams } from "@/lib/api/pagination";
import { ok } from "@/lib/api/result";
import { ZApiListStaffQuery } from "@/lib/api/schemas/staff";
import { queryObject, validate } from "@/lib/api/validate";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { listStaff } from "@/lib/staff/data";

export const GET = withApiRoute({ scope: "staff:read" }, async ({ request }) => {
  const query = validate(ZApiListStaffQuery, queryObject(request), "query");
  const { limit, cursorId } = pageParams(query);
  const rows = await listStaff({ includeInactive: query.includeInactive === "true", serviceId: query.serviceId, cursorId, limit });
  return ok(pageOf(rows, limit));
});

const notAllowed = methodNotAllowed("GET");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
