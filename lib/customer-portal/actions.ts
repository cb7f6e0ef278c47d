"use server";

import { redirect } from "next/navigation";
import { errorState, formValues, validationState, type ActionState } from "@/lib/action-state";
import { requirePermission } from "@/lib/auth/gates";
import { can } from "@/lib/auth/permissions";
import { actorOf, currentUser } from "@/lib/auth/session";
import { bookAppointment, cancelAppointment, changeCustomerNote, rescheduleAppointment } from "@/lib/booking/mutations";
import { isAppError } from "@/lib/errors";
import { afterAppointmentChange } from "@/lib/notifications/after-appointment-change";
import { assertBookingAllowance } from "./booking-allowance";
import { ZCancelForm, ZConfirmBookingForm, ZNoteForm, ZRescheduleForm } from "./schema";
import { ANY_STAFF, selectionHref } from "./selection";

/**
 * The session and the permission table (appointment.bookForSelf) are checked here, on the server, for every
 * action: the page having a button proves nothing.
 */
function blank(value: string | undefined): string | undefined {
  return value ? value : undefined;
}

export async function confirmBookingAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = ZConfirmBookingForm.safeParse({ ...values, note: blank(values.note) });
  if (!parsed.success) return validationState(parsed.error, values);
  const { service, staff, start, note } = parsed.data;
  const selection = { service, staff, date: values.date, start: start.toISOString(), note, step: "review" as const };
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(selectionHref("/book", selection))}`);
  if (!can(user.role, "appointment.bookForSelf")) return { status: "error", code: "FORBIDDEN", message: "This account cannot book appointments.", values };
  if (!user.emailConfirmed) return { status: "error", code: "FORBIDDEN", message: "Please confirm your email address before booking.", values };

  let appointmentId: string;
  try {
    await assertBookingAllowance(user.id);
    const appointment = await bookAppointment(actorOf(user), {
      customerId: user.id,
      serviceId: service,
      staffId: staff === ANY_STAFF ? null : staff,
      startsAt: start,
      note,
      source: "WEB",
    });
    appointmentId = appointment.id;
  } catch (error) {
    // Taken at the last moment: back to the times (fresh), keeping service, stylist, day and note.
    if (isAppError(error) && error.code === "SLOT_UNAVAILABLE") {
      redirect(selectionHref("/book", { ...selection, start: undefined, step: undefined, error: "slot-taken" }));
    }
    return errorState(error, values);
  }
  afterAppointmentChange();
  redirect(`/book/confirmed/${appointmentId}`);
}

export async function rescheduleAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = ZRescheduleForm.safeParse(values);
  if (!parsed.success) return validationState(parsed.error, values);
  const { appointmentId, version, start } = parsed.data;
  const user = await requirePermission("appointment.bookForSelf", `/appointments/${appointmentId}`);
  try {
    await assertBookingAllowance(user.id);
    await rescheduleAppointment(actorOf(user), { appointmentId, expectedVersion: version, startsAt: start });
  } catch (error) {
    if (isAppError(error) && error.code === "SLOT_UNAVAILABLE") {
      redirect(`/appointments/${appointmentId}/reschedule?date=${values.date ?? ""}&error=slot-taken`);
    }
    return errorState(error, values);
  }
  afterAppointmentChange();
  redirect(`/appointments/${appointmentId}?notice=rescheduled`);
}

export async function cancelAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = ZCancelForm.safeParse({ ...values, reason: blank(values.reason) });
  if (!parsed.success) return validationState(parsed.error, values);
  const { appointmentId, version, reason } = parsed.data;
  const user = await requirePermission("appointment.bookForSelf", `/appointments/${appointmentId}`);
  try {
    await assertBookingAllowance(user.id);
    await cancelAppointment(actorOf(user), { appointmentId, expectedVersion: version, reason });
  } catch (error) {
    return errorState(error, values);
  }
  afterAppointmentChange();
  redirect(`/appointments/${appointmentId}?notice=cancelled`);
}

/** The note is the customer's own words to the salon; an empty one clears it. Nobody is emailed. */
export async function changeNoteAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = ZNoteForm.safeParse({ ...values, note: values.note ?? "" });
  if (!parsed.success) return validationState(parsed.error, values);
  const { appointmentId, version, note } = parsed.data;
  const user = await requirePermission("appointment.bookForSelf", `/appointments/${appointmentId}`);
  try {
    await changeCustomerNote(actorOf(user), { appointmentId, expectedVersion: version, note });
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`/appointments/${appointmentId}?notice=note-saved`);
}
