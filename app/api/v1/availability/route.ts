import { ok } from "@/lib/api/result";
import { toApiSlot, toApiVisitSlot, ZApiAvailabilityQuery } from "@/lib/api/schemas/availability";
import { ZApiVisitServiceIds } from "@/lib/api/schemas/visits";
import { getVisitAvailability } from "@/lib/visits/data";
import { queryObject, validate } from "@/lib/api/validate";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { getAvailability } from "@/lib/booking/data";

export const GET = withApiRoute({ scope: "appointments:read" }, async ({ request }) => {
  const query = validate(ZApiAvailabilityQuery, queryObject(request), "query");
  // `serviceId` repeated: a visit of those services in that order.
  const serviceIds = new URL(request.url).searchParams.getAll("serviceId");
  if (serviceIds.length > 1) {
    const items = validate(ZApiVisitServiceIds, serviceIds, "query").map((serviceId) => ({ serviceId, staffId: query.staffId ?? null }));
    const result = await getVisitAvailability({ items, from: new Date(query.from), to: new Date(query.to) });
    const timeZone = query.timeZone ?? result.timezone;
    return ok({
      timezone: timeZone,
      salonTimezone: result.timezone,
      horizonEndsAt: result.horizonEndsAt.toISOString(),
      slots: result.slots.map((slot) => toApiVisitSlot(slot, timeZone)),
    });
  }
  const result = await getAvailability({
    serviceId: query.serviceId,
    ...(query.staffId && { staffId: query.staffId }),
    from: new Date(query.from),
    to: new Date(query.to),
  });
  const timeZone = query.timeZone ?? result.timezone;
  return ok({
    timezone: timeZone,
    salonTimezone: result.timezone,
    horizonEndsAt: result.horizonEndsAt.toISOString(),
    slots: result.slots.map((slot) => toApiSlot(slot, timeZone)),
  });
});

const notAllowed = methodNotAllowed("GET");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
