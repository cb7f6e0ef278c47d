import { etagOf } from "@/lib/api/etag";
import { pageParams } from "@/lib/api/pagination";
import { pageOf } from "@/lib/cursor";
import { created, ok } from "@/lib/api/result";
import { serviceEtagToken, toApiService, ZApiListServicesQuery } from "@/lib/api/schemas/services";
import { queryObject, validate } from "@/lib/api/validate";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { listChangedServices, listServices } from "@/lib/services/data";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";
import { createService } from "@/lib/services/mutations";
import { ZCreateServiceInput } from "@/lib/services/schema";

export const GET = withApiRoute({ scope: "services:read" }, async ({ request }) => {
  const query = validate(ZApiListServicesQuery, queryObject(request), "query");
  if (query.updatedSince) {
    const changed = await listChangedServices({
      since: new Date(query.updatedSince),
      cursor: query.cursor,
      limit: pageParams({ limit: query.limit }).limit,
    });
    return ok({ items: changed.items.map(toApiService), nextCursor: changed.nextCursor });
  }
  const { limit, cursorId } = pageParams(query);
  const rows = await listServices({ includeInactive: query.includeInactive === "true", cursorId, limit });
  const page = pageOf(rows, limit);
  return ok({ items: page.items.map(toApiService), nextCursor: page.nextCursor });
});

export const POST = withApiRoute({ scope: "services:write", permission: "services.manage" }, async ({ principal, body }) => {
  const service = await createService(principal.actor, validate(ZCreateServiceInput, body));
  void publishOutboxAfterResponse(); // after the response; a failure stays in the outbox for the relay
  return created(toApiService(service), { ETag: etagOf(serviceEtagToken(service)), Location: `/api/v1/services/${service.id}` });
});

const notAllowed = methodNotAllowed("GET, POST");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
