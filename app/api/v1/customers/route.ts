import { pageOf } from "@/lib/cursor";
import { pageParams } from "@/lib/api/pagination";
import { created, ok } from "@/lib/api/result";
import { toApiCustomer, ZApiListCustomersQuery } from "@/lib/api/schemas/customers";
import { queryObject, validate } from "@/lib/api/validate";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { listChangedCustomers, listCustomers } from "@/lib/customers/data";
import { createCustomer } from "@/lib/customers/mutations";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";
import { ZCreateCustomerInput } from "@/lib/customers/schema";
import { VIEW_CUSTOMERS } from "@/lib/auth/permissions";

export const GET = withApiRoute({ scope: "customers:read", permission: VIEW_CUSTOMERS }, async ({ request, principal }) => {
  const query = validate(ZApiListCustomersQuery, queryObject(request), "query");
  if (query.updatedSince) {
    const since = new Date(query.updatedSince);
    const changed = await listChangedCustomers(principal.actor, {
      since,
      cursor: query.cursor,
      limit: pageParams({ limit: query.limit }).limit,
    });
    return ok({ items: changed.items.map(toApiCustomer), nextCursor: changed.nextCursor });
  }
  const { limit, cursorId } = pageParams(query);
  const page = pageOf(await listCustomers(principal.actor, { q: query.q, cursorId, limit }), limit);
  return ok({ items: page.items.map(toApiCustomer), nextCursor: page.nextCursor });
});

export const POST = withApiRoute({ scope: "customers:write", permission: "customer.create" }, async ({ body }) => {
  const customer = await createCustomer(validate(ZCreateCustomerInput, body));
  void publishOutboxAfterResponse(); // after the response; a failure stays in the outbox for the relay
  return created(toApiCustomer(customer), { Location: `/api/v1/customers/${customer.id}` });
});

const notAllowed = methodNotAllowed("GET, POST");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
