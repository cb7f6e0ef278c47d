import { pageParams } from "@/lib/api/pagination";
import { ok } from "@/lib/api/result";
import { toApiWebhookDelivery, ZApiListDeliveriesQuery } from "@/lib/api/schemas/webhooks";
import { queryObject, validate } from "@/lib/api/validate";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { pageOf } from "@/lib/cursor";
import { listWebhookDeliveries } from "@/lib/webhooks/data";

export const GET = withApiRoute<{ id: string }>({ scope: "webhooks:read", permission: "webhooks.manage" }, async ({ request, params }) => {
  const { limit, cursorId } = pageParams(validate(ZApiListDeliveriesQuery, queryObject(request), "query"));
  const page = pageOf(await listWebhookDeliveries(params.id, { limit, cursorId }), limit);
  return ok({ items: page.items.map(toApiWebhookDelivery), nextCursor: page.nextCursor });
});

const notAllowed = methodNotAllowed("GET");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
