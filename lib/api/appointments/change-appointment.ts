import type { z } from "zod";
import { withIfMatch } from "@/lib/api/etag";
import type { ZApiUpdateAppointmentBody } from "@/lib/api/schemas/appointments";
import type { Actor } from "@/lib/auth/actor";
import type { AppointmentView } from "@/lib/booking/appointment-view";
import { AppError } from "@/lib/errors";
import { cancelAppointment, changeCustomerNote, finishAppointment, rescheduleAppointment } from "@/lib/booking/mutations";

type UpdateBody = z.output<typeof ZApiUpdateAppointmentBody>;

/**
 * PATCH: a reschedule, a status transition or a new note — one per request, because each is its own
 * audited change with its own rules (cutoffs, who may, which email goes out).
 */
export function changeAppointment(
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  body: UpdateBody,
): Promise<AppointmentView> {
  const { status, reason, note, patchTestOverrideReason, ...move } = body;
  const kinds = [
    status !== undefined && "status",
    Object.values(move).some((value) => value !== undefined) && "startsAt/staffId/serviceId",
    note !== undefined && "note",
  ].filter((kind): kind is string => Boolean(kind));
  if (kinds.length === 0) {
    throw new AppError("VALIDATION", "Nothing to change: give startsAt, staffId or serviceId, a status, or a note.", [
      { path: "", message: "Give one kind of change" },
    ]);
  }
  if (kinds.length > 1) {
    throw new AppError("VALIDATION", `Send one kind of change per request, not ${kinds.join(" and ")} together.`, [
      {
        path: kinds.includes("status") ? "status" : "note",
        message: `Cannot be combined with ${kinds.filter((kind) => kind !== "status").join(", ")}`,
      },
    ]);
  }
  if (reason !== undefined && status !== "CANCELLED") {
    throw new AppError("VALIDATION", "`reason` goes with status CANCELLED.", [{ path: "reason", message: "Only with status CANCELLED" }]);
  }
  if (patchTestOverrideReason !== undefined && kinds[0] !== "startsAt/staffId/serviceId") {
    throw new AppError("VALIDATION", "`patchTestOverrideReason` goes with a reschedule.", [
      { path: "patchTestOverrideReason", message: "Only with startsAt, staffId or serviceId" },
    ]);
  }
  const target = { appointmentId: id, ...(expectedVersion !== undefined && { expectedVersion }) };
  return withIfMatch(() => {
    if (note !== undefined) return changeCustomerNote(actor, { ...target, note });
    if (status === "CANCELLED") return cancelAppointment(actor, { ...target, ...(reason !== undefined && { reason }) });
    if (status === "COMPLETED" || status === "NO_SHOW") return finishAppointment(actor, { ...target, status });
    return rescheduleAppointment(actor, {
      ...target,
      ...(move.startsAt !== undefined && { startsAt: new Date(move.startsAt) }),
      ...(move.staffId !== undefined && { staffId: move.staffId }),
      ...(move.serviceId !== undefined && { serviceId: move.serviceId }),
      ...(patchTestOverrideReason !== undefined && { patchTestOverrideReason }),
    });
  });
}
