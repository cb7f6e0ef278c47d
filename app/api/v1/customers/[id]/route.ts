import { ok } from "@/lib/api/result";
import { toApiCustomer } from "@/lib/api/schemas/customers";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { getCustomer } from "@/lib/customers/data";
import { VIEW_CUSTOMERS } from "@/lib/auth/permissions";

export const GET = withApiRoute<{ id: string }>({ scope: "customers:read", permission: VIEW_CUSTOMERS }, async ({ principal, params }) => {
  return ok(toApiCustomer(await getCustomer(principal.actor, params.id)));
});

const notAllowed = methodNotAllowed("GET");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
