import { ok } from "@/lib/api/result";
import { ZApiAvailabilityQuery } from "@/lib/api/schemas/availability";
import { queryObject, validate } from "@/lib/api/validate";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { getAvailability } from "@/lib/booking/data";

export const GET = withApiRoute({ scope: "appointments:read" }, async ({ request }) => {
  const query = validate(ZApiAvailabilityQuery, queryObject(request), "query");
  const result = await getAvailability({
    serviceId: query.serviceId,
    ...(query.staffId && { staffId: query.staffId }),
    from: new Date(query.from),
    to: new Date(query.to),
  });
  return ok({
    timezone: result.timezone,
    slots: result.slots.map((slot) => ({ ...slot, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() })),
  });
});

const notAllowed = methodNotAllowed("GET");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
