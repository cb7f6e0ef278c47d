import { ok } from "@/lib/api/result";
import { toApiWaitlistEntry } from "@/lib/api/schemas/waitlist";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { leaveWaitlist } from "@/lib/waitlist/mutations";

type Params = { id: string };

/** Takes the entry off the waitlist: the record stays, status LEFT. */
export const DELETE = withApiRoute<Params>({ scope: "appointments:write" }, async ({ principal, params }) =>
  ok(toApiWaitlistEntry(await leaveWaitlist(principal.actor, params.id))),
);

const notAllowed = methodNotAllowed("DELETE");
export { notAllowed as GET, notAllowed as POST, notAllowed as PUT, notAllowed as PATCH };
