import { bookingInputFor } from "@/lib/api/appointments/booking-input";
import { bookingPost } from "@/lib/api/appointments/booking-post";
import { ok } from "@/lib/api/result";
import { toApiAppointment, ZApiCreateAppointmentBody, ZApiListAppointmentsQuery } from "@/lib/api/schemas/appointments";
import { validate, queryObject } from "@/lib/api/validate";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { pageParams } from "@/lib/api/pagination";
import { listAppointments } from "@/lib/booking/data";
import { bookAppointment } from "@/lib/booking/mutations";
import type { AppointmentView } from "@/lib/booking/appointment-view";
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
const toApiCreated = (appointment: AppointmentView) => ({
  ...toApiAppointment(appointment),
  ...(appointment.status === "PENDING_PAYMENT" && { paymentUrl: paymentLinkOf(appointment.id) }),
});

export const POST = bookingPost("/appointments", ZApiCreateAppointmentBody, bookingInputFor, bookAppointment, toApiCreated);

const notAllowed = methodNotAllowed("GET, POST");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
