"use server";

import { headers } from "next/headers";
import type { z } from "zod";
import { defineAction, type ActionDefinition } from "@/lib/actions/define-action";
import { blankAsAbsent } from "@/lib/actions/form-input";
import { clientIp } from "@/lib/auth/client-ip";
import { addStaffNote, bookAppointment, cancelAppointment, finishAppointment, rescheduleAppointment } from "@/lib/booking/mutations";
import { findOrCreateCustomer } from "@/lib/customers/mutations";
import { AppError } from "@/lib/errors";
import type { AppointmentNotice } from "@/lib/dashboard/labels";
import { afterAppointmentChange } from "@/lib/notifications/after-appointment-change";
import { getSalonSettings } from "@/lib/salon/data";
import { resendEmail } from "@/lib/notifications/resend-email";
import { wallClockOccurrences } from "@/lib/time/zoned";
import { ZCreateAppointmentForm, ZDashboardCancelForm, ZDashboardRescheduleForm, ZStaffNoteForm, ZTransitionForm } from "./schema";

/**
 * The dashboard's server actions: each checks the permission table on the server first (a customer's session gets
 * FORBIDDEN whatever the page showed), validates with the shared schema, calls the same booking core as
 * the API and the customer app, and hands appointment changes to notifications in the one place.
 */

/**
 * Staff type the salon's wall-clock time. A time skipped by a clock change is refused, not guessed; a
 * time the clocks go back over happens twice, so staff say which (the form then offers the choice).
 */
async function salonInstant(date: string, time: string, occurrence: "earlier" | "later" | undefined): Promise<Date> {
  const { timezone } = await getSalonSettings();
  const [hours, minutes] = time.split(":").map(Number);
  const instants = wallClockOccurrences(date, hours! * 60 + minutes!, timezone);
  if (instants.length === 0) {
    throw new AppError("VALIDATION", "That time does not exist on that day (the clocks change).", [
      { path: "time", message: "Choose another time." },
    ]);
  }
  if (instants.length > 1 && !occurrence) {
    throw new AppError("VALIDATION", `${time} happens twice on that day (the clocks go back). Choose which one.`, [
      { path: "occurrence", message: "Choose the first or the second time." },
    ]);
  }
  return new Date(occurrence === "later" ? instants.at(-1)! : instants[0]!);
}

const detailsHref = (id: string, notice: AppointmentNotice) => ({ redirect: `/dashboard/appointments/${id}?notice=${notice}` });

/** Booking, moving and cancelling: the customer hears of each, so notifications follow the change. */
function timeChangeAction<S extends z.ZodType>(definition: Omit<ActionDefinition<S, "dashboard.access">, "permission" | "after">) {
  return defineAction({ ...definition, permission: "dashboard.access", after: afterAppointmentChange });
}

export const createAppointmentAction = timeChangeAction({
  schema: ZCreateAppointmentForm,
  input: ({ values }) => blankAsAbsent(values, "customerPhone", "note", "patchTestOverrideReason"),
  async run({ actor, input }) {
    const customer = await findOrCreateCustomer({ name: input.customerName, email: input.customerEmail, phone: input.customerPhone });
    const appointment = await bookAppointment(actor, {
      customerId: customer.id,
      serviceId: input.serviceId,
      staffId: input.staffId,
      startsAt: await salonInstant(input.date, input.time, input.occurrence),
      note: input.note,
      source: "DASHBOARD",
      overrideAvailability: input.overrideAvailability,
      patchTestOverrideReason: input.patchTestOverrideReason,
      // Booked at the desk for someone in the salon or on the phone: any deposit is taken in person.
      payment: "waived",
    });
    return detailsHref(appointment.id, "booked");
  },
});

export const dashboardRescheduleAction = timeChangeAction({
  schema: ZDashboardRescheduleForm,
  input: ({ values }) => blankAsAbsent(values, "patchTestOverrideReason"),
  async run({ actor, input: { appointmentId, version, staffId, date, time, occurrence, overrideAvailability, patchTestOverrideReason } }) {
    const startsAt = await salonInstant(date, time, occurrence);
    await rescheduleAppointment(actor, {
      appointmentId,
      expectedVersion: version,
      staffId,
      startsAt,
      overrideAvailability,
      patchTestOverrideReason,
    });
    return detailsHref(appointmentId, "rescheduled");
  },
});

export const dashboardCancelAction = timeChangeAction({
  schema: ZDashboardCancelForm,
  async run({ actor, input: { appointmentId, version, reason } }) {
    await cancelAppointment(actor, { appointmentId, expectedVersion: version, reason });
    return detailsHref(appointmentId, "cancelled");
  },
});

export const transitionAction = defineAction({
  permission: "dashboard.access",
  schema: ZTransitionForm,
  async run({ actor, input: { appointmentId, version, transition } }) {
    await finishAppointment(actor, {
      appointmentId,
      expectedVersion: version,
      status: transition === "complete" ? "COMPLETED" : "NO_SHOW",
    });
    return detailsHref(appointmentId, transition === "complete" ? "completed" : "no-show");
  },
});

export const addStaffNoteAction = defineAction({
  permission: "dashboard.access",
  schema: ZStaffNoteForm,
  async run({ actor, input }) {
    await addStaffNote(actor, input);
    return detailsHref(input.appointmentId, "note-added");
  },
});

export const resendEmailAction = defineAction({
  permission: "emailLog.resend",
  async run({ values }) {
    if (!values.emailId) throw new AppError("VALIDATION", "Which email?");
    const copyId = await resendEmail(values.emailId, clientIp(await headers()));
    return { redirect: `/dashboard/emails/${copyId}?notice=resent` };
  },
});
