import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { blankAsAbsent } from "@/lib/actions/form-input";
import type { UserActor } from "@/lib/auth/actor";
import { afterAppointmentChange } from "@/lib/notifications/after-appointment-change";
import { assertBookingAllowance } from "./booking-allowance";
import { ZCancelForm, ZRescheduleForm } from "./schema";

/**
 * The customer's reschedule and cancel doors, one shape whether the page shows a single appointment or a
 * whole visit: the same permission (appointment.bookForSelf), per-customer allowance, return paths and
 * notices. Only the core change differs, so each "use server" module passes its own. This is a plain
 * module because a "use server" file may export async functions only.
 */

/** Where a customer's change to one of their appointments (or the visit it opens) returns to. */
export const appointmentPage = ({ input }: { input: { appointmentId: string } }) => `/appointments/${input.appointmentId}`;

type Move = (actor: UserActor, change: { appointmentId: string; expectedVersion: number; startsAt: Date }) => Promise<unknown>;
type Cancel = (actor: UserActor, change: { appointmentId: string; expectedVersion: number; reason?: string }) => Promise<unknown>;

export function customerRescheduleAction(move: Move) {
  return defineAction({
    permission: "appointment.bookForSelf",
    schema: ZRescheduleForm,
    returnTo: appointmentPage,
    async run({ user, actor, input: { appointmentId, version, start } }) {
      await assertBookingAllowance(user.id);
      await move(actor, { appointmentId, expectedVersion: version, startsAt: start });
      return { redirect: `/appointments/${appointmentId}?notice=rescheduled` };
    },
    after: afterAppointmentChange,
    redirectOn: {
      SLOT_UNAVAILABLE: ({ input, values }) => `/appointments/${input.appointmentId}/reschedule?date=${values.date ?? ""}&error=slot-taken`,
    },
  });
}

export function customerCancelAction(cancel: Cancel) {
  return defineAction({
    permission: "appointment.bookForSelf",
    schema: ZCancelForm,
    input: ({ values }) => blankAsAbsent(values, "reason"),
    returnTo: appointmentPage,
    async run({ user, actor, input: { appointmentId, version, reason } }) {
      await assertBookingAllowance(user.id);
      await cancel(actor, { appointmentId, expectedVersion: version, reason });
      return { redirect: `/appointments/${appointmentId}?notice=cancelled` };
    },
    after: afterAppointmentChange,
  });
}
