import { customerIdFor } from "@/lib/api/appointments/booking-input";
import { pageParams } from "@/lib/api/pagination";
import { created, ok } from "@/lib/api/result";
import { toApiWaitlistEntry, ZApiCreateWaitlistBody, ZApiListWaitlistQuery } from "@/lib/api/schemas/waitlist";
import { queryObject, validate } from "@/lib/api/validate";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { actorCan } from "@/lib/auth/permissions";
import { listWaitlistEntries } from "@/lib/waitlist/data";
import { joinWaitlist } from "@/lib/waitlist/mutations";

export const GET = withApiRoute({ scope: "appointments:read" }, async ({ request, principal }) => {
  const { limit: rawLimit, ...filters } = validate(ZApiListWaitlistQuery, queryObject(request), "query");
  const { limit } = pageParams({ limit: rawLimit });
  const page = await listWaitlistEntries(principal.actor, { ...filters, limit });
  return ok({ items: page.items.map(toApiWaitlistEntry), nextCursor: page.nextCursor });
});

export const POST = withApiRoute({ scope: "appointments:write" }, async ({ principal, body }) => {
  const { serviceId, serviceIds, customerId, customer, ...entry } = validate(ZApiCreateWaitlistBody, body);
  const forCustomer = await customerIdFor(principal, { customerId, customer }, actorCan(principal.actor, "waitlist.manageAny"));
  const joined = await joinWaitlist(principal.actor, {
    ...entry,
    customerId: forCustomer,
    serviceIds: serviceIds ?? [serviceId ?? ""],
    source: "API",
  });
  return created(toApiWaitlistEntry(joined), { Location: `/api/v1/waitlist/${joined.id}` });
});

const notAllowed = methodNotAllowed("GET, POST");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
