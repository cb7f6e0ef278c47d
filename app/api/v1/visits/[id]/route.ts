import { etagOf, requireIfMatchVersion, withIfMatch } from "@/lib/api/etag";
import { ok } from "@/lib/api/result";
import { cancelRoute } from "@/lib/api/appointments/cancel-request";
import { toApiVisit, ZApiRescheduleVisitBody } from "@/lib/api/schemas/visits";
import { validate } from "@/lib/api/validate";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { afterAppointmentChange } from "@/lib/notifications/after-appointment-change";
import { getVisit } from "@/lib/visits/data";
import { cancelVisit, rescheduleVisit } from "@/lib/visits/mutations";
import type { VisitView } from "@/lib/visits/visit-view";

type Params = { id: string };

const represent = (visit: VisitView) => ok(toApiVisit(visit), { ETag: etagOf(visit.version) });

export const GET = withApiRoute<Params>({ scope: "appointments:read" }, async ({ principal, params }) =>
  represent(await getVisit(principal.actor, params.id)),
);

/** Moves the whole visit: every segment keeps its stylist and its place in the sequence. */
export const PATCH = withApiRoute<Params>({ scope: "appointments:write" }, async ({ request, principal, params, body }) => {
  // If-Match first: a client that forgot it hears so (428) before anything about its body.
  const expectedVersion = requireIfMatchVersion(request);
  const { startsAt } = validate(ZApiRescheduleVisitBody, body);
  const visit = await withIfMatch(() =>
    rescheduleVisit(principal.actor, {
      visitId: params.id,
      startsAt: new Date(startsAt),
      ...(expectedVersion !== undefined && { expectedVersion }),
    }),
  );
  afterAppointmentChange();
  return represent(visit);
});

/** Cancels every segment still booked: the records stay, status CANCELLED. */
export const DELETE = cancelRoute((actor, id, change) => cancelVisit(actor, { visitId: id, ...change }), represent);

const notAllowed = methodNotAllowed("GET, PATCH, DELETE");
export { notAllowed as POST, notAllowed as PUT };
