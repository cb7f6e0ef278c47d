import { ok } from "@/lib/api/result";
import { toApiSalon } from "@/lib/api/schemas/salon";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { getSalonSettings } from "@/lib/salon/data";

/** The booking rules a client would otherwise hard-code; what the booking page shows anyone, so any key may read it. */
export const GET = withApiRoute({}, async () => ok(toApiSalon(await getSalonSettings())));

const notAllowed = methodNotAllowed("GET");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
