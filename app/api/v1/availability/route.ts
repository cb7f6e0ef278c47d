import { ok } from "@/lib/api/result";
import { toApiSlot, toApiVisitSlot, visitItemsOfQuery, ZApiAvailabilityQuery } from "@/lib/api/schemas/availability";
import { ZApiVisitServiceIds, ZApiVisitStaffIds } from "@/lib/api/schemas/visits";
import { queryObject, validate } from "@/lib/api/validate";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { getAvailability, type AvailabilityAnswer } from "@/lib/booking/data";
import { getVisitAvailability } from "@/lib/visits/data";

/** The answer labelled in the asked zone (the salon's by default). */
function answer<S>(result: AvailabilityAnswer<S>, zone: string | undefined, toSlot: (slot: S, timeZone: string) => unknown) {
  const timeZone = zone ?? result.timezone;
  return ok({
    timezone: timeZone,
    salonTimezone: result.timezone,
    horizonEndsAt: result.horizonEndsAt.toISOString(),
    slots: result.slots.map((slot) => toSlot(slot, timeZone)),
  });
}

export const GET = withApiRoute({ scope: "appointments:read" }, async ({ request }) => {
  const query = validate(ZApiAvailabilityQuery, queryObject(request), "query");
  const range = { from: new Date(query.from), to: new Date(query.to) };
  // `serviceId` repeated: a visit of those services in that order, `staffId` once or once per service.
  const params = new URL(request.url).searchParams;
  const serviceIds = params.getAll("serviceId");
  const staffIds = validate(ZApiVisitStaffIds, params.getAll("staffId"), "query");
  if (serviceIds.length > 1) {
    const items = visitItemsOfQuery(validate(ZApiVisitServiceIds, serviceIds, "query"), staffIds);
    return answer(await getVisitAvailability({ items, ...range }), query.timeZone, toApiVisitSlot);
  }
  const { staffId } = visitItemsOfQuery([query.serviceId], staffIds)[0]!;
  const result = await getAvailability({ serviceId: query.serviceId, ...(staffId && { staffId }), ...range });
  return answer(result, query.timeZone, toApiSlot);
});

const notAllowed = methodNotAllowed("GET");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
