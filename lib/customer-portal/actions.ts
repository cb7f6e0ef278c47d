"use server";

import { defineAction } from "@/lib/actions/define-action";
import { blankAsAbsent } from "@/lib/actions/form-input";
import { bookAppointment, cancelAppointment, changeCustomerNote, rescheduleAppointment } from "@/lib/booking/mutations";
import { afterAppointmentChange } from "@/lib/notifications/after-appointment-change";
import { assertBookingAllowance } from "./booking-allowance";
import { appointmentPage, customerCancelAction, customerRescheduleAction } from "./change-actions";
import { ZConfirmBookingForm, ZNoteForm } from "./schema";
import { ANY_STAFF, selectionHref } from "./selection";

/**
 * The session and the permission table (appointment.bookForSelf) are checked here, on the server, for every
 * action: the page having a button proves nothing. A guest is sent to sign in and back to the page.
 */
function reviewSelection({
  input,
  values,
}: {
  input: { service: string; staff: string; start: Date; note?: string };
  values: Record<string, string>;
}) {
  return {
    service: input.service,
    staff: input.staff,
    date: values.date,
    start: input.start.toISOString(),
    note: input.note,
    step: "review" as const,
  };
}

export const confirmBookingAction = defineAction({
  permission: "appointment.bookForSelf",
  schema: ZConfirmBookingForm,
  input: ({ values }) => blankAsAbsent(values, "note"),
  returnTo: (context) => selectionHref("/book", reviewSelection(context)),
  async run({ user, actor, input: { service, staff, start, note }, values }) {
    if (!user.emailConfirmed)
      return { status: "error", code: "FORBIDDEN", message: "Please confirm your email address before booking.", values };
    await assertBookingAllowance(user.id);
    const appointment = await bookAppointment(actor, {
      customerId: user.id,
      serviceId: service,
      staffId: staff === ANY_STAFF ? null : staff,
      startsAt: start,
      note,
      source: "WEB",
    });
    return { redirect: `/book/confirmed/${appointment.id}` };
  },
  after: afterAppointmentChange,
  // Taken at the last moment: back to the times (fresh), keeping service, stylist, day and note.
  redirectOn: {
    SLOT_UNAVAILABLE: (context) =>
      selectionHref("/book", { ...reviewSelection(context), start: undefined, step: undefined, error: "slot-taken" }),
  },
});

export const rescheduleAction = customerRescheduleAction(rescheduleAppointment);

export const cancelAction = customerCancelAction(cancelAppointment);

/** The note is the customer's own words to the salon; an empty one clears it. Nobody is emailed. */
export const changeNoteAction = defineAction({
  permission: "appointment.bookForSelf",
  schema: ZNoteForm,
  input: ({ values }) => ({ ...values, note: values.note ?? "" }),
  returnTo: appointmentPage,
  async run({ actor, input: { appointmentId, version, note } }) {
    await changeCustomerNote(actor, { appointmentId, expectedVersion: version, note });
    return { redirect: `/appointments/${appointmentId}?notice=note-saved` };
  },
});
