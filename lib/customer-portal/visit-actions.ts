"use server";

import { defineAction } from "@/lib/actions/define-action";
import { blankAsAbsent } from "@/lib/actions/form-input";
import { getAppointment } from "@/lib/booking/data";
import { assertBookingAllowance } from "@/lib/customer-portal/booking-allowance";
import { customerCancelAction, customerRescheduleAction } from "@/lib/customer-portal/change-actions";
import { ZConfirmVisitForm } from "@/lib/customer-portal/schema";
import { ANY_STAFF, selectionHref } from "@/lib/customer-portal/selection";
import { AppError } from "@/lib/errors";
import { afterAppointmentChange } from "@/lib/notifications/after-appointment-change";
import { bookVisit, cancelVisit, rescheduleVisit } from "@/lib/visits/mutations";

/**
 * The customer's visit doors (several services booked, moved and cancelled as one), beside the single
 * appointment's in ./actions.ts: the same permission (appointment.bookForSelf), the same
 * per-customer allowance, the core's own cutoff and ownership checks.
 */

type VisitSelection = { input: { services: string[]; staff: string; start: Date; note?: string }; values: Record<string, string> };

function visitReview({ input, values }: VisitSelection) {
  const [service, ...also] = input.services;
  return {
    service,
    also,
    staff: input.staff,
    date: values.date,
    start: input.start.toISOString(),
    note: input.note,
    step: "review" as const,
  };
}

export const confirmVisitAction = defineAction({
  permission: "appointment.bookForSelf",
  schema: ZConfirmVisitForm,
  input: ({ values }) => blankAsAbsent(values, "note"),
  returnTo: (context) => selectionHref("/book", visitReview(context)),
  async run({ user, actor, input: { services, staff, start, note }, values }) {
    if (!user.emailConfirmed)
      return { status: "error", code: "FORBIDDEN", message: "Please confirm your email address before booking.", values };
    await assertBookingAllowance(user.id);
    const visit = await bookVisit(actor, {
      customerId: user.id,
      items: services.map((serviceId) => ({ serviceId, staffId: staff === ANY_STAFF ? null : staff })),
      startsAt: start,
      note,
      source: "WEB",
    });
    return { redirect: `/book/confirmed/${visit.segments[0]!.id}` };
  },
  after: afterAppointmentChange,
  // Taken at the last moment: back to the times (fresh), keeping the services, stylist, day and note.
  redirectOn: {
    SLOT_UNAVAILABLE: (context) =>
      selectionHref("/book", { ...visitReview(context), start: undefined, step: undefined, error: "slot-taken" }),
  },
});

/** The visit a segment belongs to, as the signed-in person may see it (someone else's: not found). */
async function visitIdOf(actor: Parameters<typeof getAppointment>[0], appointmentId: string): Promise<string> {
  const appointment = await getAppointment(actor, appointmentId);
  if (!appointment.visitId) throw new AppError("NOT_FOUND", "That visit does not exist.");
  return appointment.visitId;
}

export const rescheduleVisitAction = customerRescheduleAction(async (actor, { appointmentId, ...change }) =>
  rescheduleVisit(actor, { visitId: await visitIdOf(actor, appointmentId), ...change }),
);

export const cancelVisitAction = customerCancelAction(async (actor, { appointmentId, ...change }) =>
  cancelVisit(actor, { visitId: await visitIdOf(actor, appointmentId), ...change }),
);
