import { ok } from "@/lib/api/result";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";

/** Lets an integrator check which account and scopes a key carries before doing anything else. */
export const GET = withApiRoute({}, async ({ principal }) =>
  ok({ user: principal.owner, apiKey: { id: principal.apiKeyId, scopes: [...principal.scopes].sort() } }),
);

const notAllowed = methodNotAllowed("GET");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
