"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { errorState, formValues, validationState, type ActionState } from "@/lib/action-state";
import { clientIp } from "@/lib/auth/client-ip";
import { actorOf } from "@/lib/auth/session";
import { userForAction } from "@/lib/auth/gates";
import { addStaffNote, bookAppointment, cancelAppointment, completeAppointment, markNoShow, rescheduleAppointment } from "@/lib/booking/mutations";
import { findOrCreateCustomer } from "@/lib/customers/mutations";
import { AppError } from "@/lib/errors";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";
import { getSalonSettings } from "@/lib/salon/data";
import { resendEmail } from "@/lib/notifications/resend-email";
import { wallClockOccurrences } from "@/lib/time/zoned";
import { ZCreateAppointmentForm, ZDashboardCancelForm, ZDashboardRescheduleForm, ZStaffNoteForm, ZTransitionForm } from "./schema";

/**
 * The dashboard's server actions: each checks the permission table on the server first (a customer's session gets
 * FORBIDDEN whatever the page showed), validates with the shared schema, calls the same booking core as
 * the API and the customer app, and maps AppError to form feedback through lib/action-state.
 */

function optional(value: string | undefined): string | undefined {
  return value ? value : undefined;
}

/**
 * Staff type the salon's wall-clock time. A time skipped by a clock change is refused, not guessed; a
 * time the clocks go back over happens twice, so staff say which (the form then offers the choice).
 */
async function salonInstant(date: string, time: string, occurrence: "earlier" | "later" | undefined): Promise<Date> {
  const { timezone } = await getSalonSettings();
  const [hours, minutes] = time.split(":").map(Number);
  const instants = wallClockOccurrences(date, hours! * 60 + minutes!, timezone);
  if (instants.length === 0) {
    throw new AppError("VALIDATION", "That time does not exist on that day (the clocks change).", [{ path: "time", message: "Choose another time." }]);
  }
  if (instants.length > 1 && !occurrence) {
    throw new AppError("VALIDATION", `${time} happens twice on that day (the clocks go back). Choose which one.`, [
      { path: "occurrence", message: "Choose the first or the second time." },
    ]);
  }
  return new Date(occurrence === "later" ? instants.at(-1)! : instants[0]!);
}

const detailsHref = (id: string, notice: string) => `/dashboard/appointments/${id}?notice=${notice}`;

export async function createAppointmentAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let appointmentId: string;
  try {
    const user = await userForAction("dashboard.access");
    const parsed = ZCreateAppointmentForm.safeParse({ ...values, customerPhone: optional(values.customerPhone), note: optional(values.note) });
    if (!parsed.success) return validationState(parsed.error, values);
    const input = parsed.data;
    const customer = await findOrCreateCustomer({ name: input.customerName, email: input.customerEmail, phone: input.customerPhone });
    const appointment = await bookAppointment(actorOf(user), {
      customerId: customer.id,
      serviceId: input.serviceId,
      staffId: input.staffId,
      startsAt: await salonInstant(input.date, input.time, input.occurrence),
      note: input.note,
      source: "DASHBOARD",
      overrideAvailability: input.overrideAvailability,
    });
    appointmentId = appointment.id;
  } catch (error) {
    return errorState(error, values);
  }
  await publishOutboxAfterResponse();
  redirect(detailsHref(appointmentId, "booked"));
}

export async function dashboardRescheduleAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const user = await userForAction("dashboard.access");
    const parsed = ZDashboardRescheduleForm.safeParse(values);
    if (!parsed.success) return validationState(parsed.error, values);
    const { appointmentId, version, staffId, date, time, occurrence, overrideAvailability } = parsed.data;
    const startsAt = await salonInstant(date, time, occurrence);
    await rescheduleAppointment(actorOf(user), { appointmentId, expectedVersion: version, staffId, startsAt, overrideAvailability });
  } catch (error) {
    return errorState(error, values);
  }
  await publishOutboxAfterResponse();
  redirect(detailsHref(values.appointmentId!, "rescheduled"));
}

export async function dashboardCancelAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const user = await userForAction("dashboard.access");
    const parsed = ZDashboardCancelForm.safeParse(values);
    if (!parsed.success) return validationState(parsed.error, values);
    const { appointmentId, version, reason } = parsed.data;
    await cancelAppointment(actorOf(user), { appointmentId, expectedVersion: version, reason });
  } catch (error) {
    return errorState(error, values);
  }
  await publishOutboxAfterResponse();
  redirect(detailsHref(values.appointmentId!, "cancelled"));
}

export async function transitionAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const user = await userForAction("dashboard.access");
    const parsed = ZTransitionForm.safeParse(values);
    if (!parsed.success) return validationState(parsed.error, values);
    const { appointmentId, version, transition } = parsed.data;
    const change = transition === "complete" ? completeAppointment : markNoShow;
    await change(actorOf(user), { appointmentId, expectedVersion: version });
  } catch (error) {
    return errorState(error, values);
  }
  redirect(detailsHref(values.appointmentId!, values.transition === "complete" ? "completed" : "no-show"));
}

export async function addStaffNoteAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const user = await userForAction("dashboard.access");
    const parsed = ZStaffNoteForm.safeParse(values);
    if (!parsed.success) return validationState(parsed.error, values);
    await addStaffNote(actorOf(user), parsed.data);
  } catch (error) {
    return errorState(error, values);
  }
  redirect(detailsHref(values.appointmentId!, "note-added"));
}

export async function resendEmailAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let copyId: string;
  try {
    await userForAction("emailLog.resend");
    if (!values.emailId) throw new AppError("VALIDATION", "Which email?");
    copyId = await resendEmail(values.emailId, clientIp(await headers()));
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`/dashboard/emails/${copyId}?notice=resent`);
}
