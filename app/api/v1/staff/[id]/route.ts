import { ok } from "@/lib/api/result";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { getStaffMember } from "@/lib/staff/data";

export const GET = withApiRoute<{ id: string }>({ scope: "staff:read" }, async ({ params }) => ok(await getStaffMember(params.id)));

const notAllowed = methodNotAllowed("GET");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
