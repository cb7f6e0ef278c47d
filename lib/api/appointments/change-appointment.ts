import type { z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import { withIfMatch } from "@/lib/api/etag";
import type { ZApiUpdateAppointmentBody } from "@/lib/api/schemas/appointments";
import type { Actor } from "@/lib/auth/actor";
import type { AppointmentView } from "@/lib/booking/appointment-view";
import {
  cancelAppointment,
  completeAppointment,
  markNoShow,
  rescheduleAppointment,
} from "@/lib/booking/mutations";

type UpdateBody = z.output<typeof ZApiUpdateAppointmentBody>;

/** PATCH: either a reschedule or a status transition, never both (each is its own audited change). */
export function changeAppointment(actor: Actor, id: string, expectedVersion: number | undefined, body: UpdateBody): Promise<AppointmentView> {
  const { status, reason, ...move } = body;
  const moving = Object.values(move).some((value) => value !== undefined);
  if (status && moving) {
    throw new ApiError("VALIDATION", "Change the status or reschedule, not both in one request.", [
      { path: "status", message: "Cannot be combined with startsAt, staffId or serviceId" },
    ]);
  }
  if (reason !== undefined && status !== "CANCELLED") {
    throw new ApiError("VALIDATION", "`reason` goes with status CANCELLED.", [{ path: "reason", message: "Only with status CANCELLED" }]);
  }
  const target = { appointmentId: id, ...(expectedVersion !== undefined && { expectedVersion }) };
  return withIfMatch(() => {
    if (status === "CANCELLED") return cancelAppointment(actor, { ...target, ...(reason !== undefined && { reason }) });
    if (status === "COMPLETED") return completeAppointment(actor, target);
    if (status === "NO_SHOW") return markNoShow(actor, target);
    return rescheduleAppointment(actor, {
      ...target,
      ...(move.startsAt !== undefined && { startsAt: new Date(move.startsAt) }),
      ...(move.staffId !== undefined && { staffId: move.staffId }),
      ...(move.serviceId !== undefined && { serviceId: move.serviceId }),
    });
  });
}
