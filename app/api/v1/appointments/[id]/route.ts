import { afterAppointmentChange } from "@/lib/notifications/after-appointment-change";
import { changeAppointment } from "@/lib/api/appointments/change-appointment";
import { etagOf, requireIfMatchVersion } from "@/lib/api/etag";
import { ok } from "@/lib/api/result";
import { cancelRoute } from "@/lib/api/appointments/cancel-request";
import { ZApiUpdateAppointmentBody } from "@/lib/api/schemas/appointments";
import { validate } from "@/lib/api/validate";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import type { AppointmentView } from "@/lib/booking/appointment-view";
import { getAppointment } from "@/lib/booking/data";
import { cancelAppointment } from "@/lib/booking/mutations";
import { representAppointment } from "@/lib/api/appointments/represent-appointment";

type Params = { id: string };

/** One appointment with its money: the deposit's state and every payment (the list stays lean). */
const represent = async (appointment: AppointmentView) =>
  ok(await representAppointment(appointment), { ETag: etagOf(appointment.version) });

export const GET = withApiRoute<Params>({ scope: "appointments:read" }, async ({ principal, params }) =>
  represent(await getAppointment(principal.actor, params.id)),
);

export const PATCH = withApiRoute<Params>({ scope: "appointments:write" }, async ({ request, principal, params, body }) => {
  const changes = validate(ZApiUpdateAppointmentBody, body);
  const expectedVersion = requireIfMatchVersion(request);
  const appointment = await changeAppointment(principal.actor, params.id, expectedVersion, changes);
  afterAppointmentChange();
  return represent(appointment);
});

/** Cancels: appointments are never deleted, so the history and the customer's record stay intact. */
export const DELETE = cancelRoute((actor, id, change) => cancelAppointment(actor, { appointmentId: id, ...change }), represent);

const notAllowed = methodNotAllowed("GET, PATCH, DELETE");
export { notAllowed as POST, notAllowed as PUT };
