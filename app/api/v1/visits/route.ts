import { visitInputFor } from "@/lib/api/appointments/booking-input";
import { etagOf } from "@/lib/api/etag";
import type { IdempotencyTx } from "@/lib/api/idempotency/mutations";
import { created } from "@/lib/api/result";
import { toApiVisit, ZApiCreateVisitBody } from "@/lib/api/schemas/visits";
import { validate } from "@/lib/api/validate";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { afterAppointmentChange } from "@/lib/notifications/after-appointment-change";
import { bookVisit } from "@/lib/visits/mutations";
import type { VisitView } from "@/lib/visits/visit-view";

const createdResult = (visit: VisitView) =>
  created(toApiVisit(visit), { ETag: etagOf(visit.version), Location: `/api/v1/visits/${visit.id}` });

export const POST = withApiRoute({ scope: "appointments:write" }, async ({ principal, body, idempotency }) => {
  const input = await visitInputFor(principal, validate(ZApiCreateVisitBody, body));
  // With an Idempotency-Key the answer commits with the visit: a crash after the commit still replays.
  const beforeCommit = idempotency && ((tx: IdempotencyTx, visit: VisitView) => idempotency.complete(tx, createdResult(visit)));
  const visit = await bookVisit(principal.actor, input, { beforeCommit });
  afterAppointmentChange();
  return createdResult(visit);
});

const notAllowed = methodNotAllowed("POST");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
