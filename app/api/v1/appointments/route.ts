import { bookingInputFor } from "@/lib/api/appointments/booking-input";
import { afterAppointmentChange } from "@/lib/notifications/after-appointment-change";
import { etagOf } from "@/lib/api/etag";
import { created, ok } from "@/lib/api/result";
import { throughWriteGate } from "@/lib/api/write-gate";
import {
  toApiAppointment,
  ZApiCreateAppointmentBody,
  ZApiListAppointmentsQuery,
} from "@/lib/api/schemas/appointments";
import { validate, queryObject } from "@/lib/api/validate";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { pageParams } from "@/lib/api/pagination";
import { listAppointments } from "@/lib/booking/data";
import { bookAppointment } from "@/lib/booking/mutations";

export const GET = withApiRoute({ scope: "appointments:read" }, async ({ request, principal }) => {
  const query = validate(ZApiListAppointmentsQuery, queryObject(request), "query");
  const { limit } = pageParams({ limit: query.limit });
  const page = await listAppointments(principal.actor, {
    ...(query.from && { from: new Date(query.from) }),
    ...(query.to && { to: new Date(query.to) }),
    ...(query.staffId && { staffId: query.staffId }),
    ...(query.customerId && { customerId: query.customerId }),
    ...(query.status && { status: query.status }),
    ...(query.cursor && { cursor: query.cursor }),
    limit,
  });
  return ok({ items: page.items.map(toApiAppointment), nextCursor: page.nextCursor });
});

export const POST = withApiRoute({ scope: "appointments:write" }, async ({ principal, body }) => {
  const input = await bookingInputFor(principal, validate(ZApiCreateAppointmentBody, body));
  const appointment = await throughWriteGate(() => bookAppointment(principal.actor, input));
  afterAppointmentChange();
  return created(toApiAppointment(appointment), {
    ETag: etagOf(appointment.version),
    Location: `/api/v1/appointments/${appointment.id}`,
  });
});

const notAllowed = methodNotAllowed("GET, POST");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
