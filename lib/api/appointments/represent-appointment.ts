import "server-only";
import type { z } from "zod";
import { toApiAppointment, type ZApiAppointment } from "@/lib/api/schemas/appointments";
import { toApiPayment } from "@/lib/api/schemas/payments";
import type { AppointmentView } from "@/lib/booking/appointment-view";
import { getPaymentSummary } from "@/lib/payments/data";
import { paymentLinkOf } from "@/lib/payments/settings";

/**
 * One appointment as `GET /appointments/{id}` answers it and as webhooks carry it: the view, plus where
 * to pay while it is held, plus its payment state and payments (the list stays lean without them).
 */
export async function representAppointment(appointment: AppointmentView): Promise<z.infer<typeof ZApiAppointment>> {
  const summary = await getPaymentSummary(appointment.id);
  return {
    ...toApiAppointment(appointment),
    ...(appointment.status === "PENDING_PAYMENT" && { paymentUrl: paymentLinkOf(appointment.id) }),
    ...(summary && { payment: toApiPayment(summary) }),
  };
}
