import { requireRole } from "@/lib/api/authenticate";
import { ok } from "@/lib/api/result";
import { toApiCustomer } from "@/lib/api/schemas/customers";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { getCustomer } from "@/lib/customers/data";

export const GET = withApiRoute<{ id: string }>({ scope: "customers:read" }, async ({ principal, params }) => {
  requireRole(principal, ["STAFF", "ADMIN"], "read customers");
  return ok(toApiCustomer(await getCustomer(params.id)));
});

const notAllowed = methodNotAllowed("GET");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
