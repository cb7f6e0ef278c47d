import { bookingInputFor } from "@/lib/api/appointments/booking-input";
import { afterAppointmentChange } from "@/lib/notifications/after-appointment-change";
import { etagOf } from "@/lib/api/etag";
import { created, ok } from "@/lib/api/result";
import { toApiAppointment, ZApiCreateAppointmentBody, ZApiListAppointmentsQuery } from "@/lib/api/schemas/appointments";
import { validate, queryObject } from "@/lib/api/validate";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { pageParams } from "@/lib/api/pagination";
import { listAppointments } from "@/lib/booking/data";
import type { AppointmentView } from "@/lib/booking/appointment-view";
import { bookAppointment } from "@/lib/booking/mutations";
import type { IdempotencyTx } from "@/lib/api/idempotency/mutations";
import { paymentLinkOf } from "@/lib/payments/settings";

export const GET = withApiRoute({ scope: "appointments:read" }, async ({ request, principal }) => {
  const query = validate(ZApiListAppointmentsQuery, queryObject(request), "query");
  const { limit } = pageParams({ limit: query.limit });
  const page = await listAppointments(principal.actor, {
    ...(query.from && { from: new Date(query.from) }),
    ...(query.to && { to: new Date(query.to) }),
    ...(query.staffId && { staffId: query.staffId }),
    ...(query.customerId && { customerId: query.customerId }),
    ...(query.status && { status: query.status }),
    ...(query.updatedSince && { updatedSince: new Date(query.updatedSince) }),
    ...(query.cursor && { cursor: query.cursor }),
    limit,
  });
  return ok({ items: page.items.map(toApiAppointment), nextCursor: page.nextCursor });
});

// A hold waiting for its deposit says where the customer pays (the link opens the hosted checkout).
const createdResult = (appointment: AppointmentView) =>
  created(
    { ...toApiAppointment(appointment), ...(appointment.status === "PENDING_PAYMENT" && { paymentUrl: paymentLinkOf(appointment.id) }) },
    { ETag: etagOf(appointment.version), Location: `/api/v1/appointments/${appointment.id}` },
  );

export const POST = withApiRoute({ scope: "appointments:write" }, async ({ principal, body, idempotency }) => {
  const input = await bookingInputFor(principal, validate(ZApiCreateAppointmentBody, body));
  // With an Idempotency-Key the answer commits with the booking: a crash after the commit still replays.
  const beforeCommit = idempotency && ((tx: IdempotencyTx, view: AppointmentView) => idempotency.complete(tx, createdResult(view)));
  const appointment = await bookAppointment(principal.actor, input, { beforeCommit });
  afterAppointmentChange();
  return createdResult(appointment);
});

const notAllowed = methodNotAllowed("GET, POST");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
