"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { AppError } from "@/lib/errors";
import { afterAppointmentChange } from "@/lib/notifications/after-appointment-change";
import { chargeFee } from "./charge-fee";
import { refundDeposit, waiveDeposit } from "./mutations";
import { isTestCheckoutEnabled, postTestCheckoutEvent } from "./test-checkout";

const ZTestCheckoutForm = z.object({
  appointmentId: z.string().min(1),
  outcome: z.enum(["pay", "decline", "authenticate", "abandon"]),
});

/**
 * The test checkout's buttons (development only, like the page). Public like the hosted page it stands
 * in for: its link is the hold's. "Card declined" and "Needs authentication" happen on the page itself,
 * as on Stripe's, and send nothing; paying and abandoning post the events Stripe would.
 */
export const testCheckoutAction = defineAction({
  permission: null,
  schema: ZTestCheckoutForm,
  async run({ input: { appointmentId, outcome }, values }) {
    if (!isTestCheckoutEnabled()) throw new AppError("NOT_FOUND", "There is no test checkout here.");
    if (outcome === "decline") {
      return { status: "error", code: "VALIDATION", message: "Your card was declined (test card). Try again, or abandon.", values };
    }
    if (outcome === "authenticate") return { redirect: `/dev/checkout/${appointmentId}?step=authenticate` };
    const applied = await postTestCheckoutEvent(appointmentId, outcome === "pay" ? "pay" : "abandon");
    if (applied === null) throw new AppError("NOT_FOUND", "This checkout does not exist.");
    return { redirect: outcome === "pay" ? `/appointments/${appointmentId}?notice=paid` : `/appointments/${appointmentId}` };
  },
});

const ZAppointmentForm = z.object({ appointmentId: z.string().min(1) });

/** "Charge no-show fee" on a no-show's page: an off-session charge of the saved card. */
export const chargeNoShowFeeAction = defineAction({
  permission: "payments.charge",
  schema: ZAppointmentForm,
  async run({ actor, input: { appointmentId } }) {
    const status = await chargeFee(actor, appointmentId, "NO_SHOW_FEE");
    return { redirect: `/dashboard/appointments/${appointmentId}?notice=fee-${status.toLowerCase().replace("_", "-")}` };
  },
});

/** "Refund deposit" by hand: the refund job gives it back through the provider. */
export const refundDepositAction = defineAction({
  permission: "payments.charge",
  schema: ZAppointmentForm,
  async run({ actor, input: { appointmentId } }) {
    await refundDeposit(actor, appointmentId);
    return { redirect: `/dashboard/appointments/${appointmentId}?notice=refund-requested` };
  },
  after: afterAppointmentChange,
});

/** "Book without deposit" on a hold waiting for payment: the front desk takes the money in person, or not at all. */
export const waiveDepositAction = defineAction({
  permission: "payments.charge",
  schema: ZAppointmentForm,
  async run({ actor, input: { appointmentId } }) {
    await waiveDeposit(actor, appointmentId);
    return { redirect: `/dashboard/appointments/${appointmentId}?notice=deposit-waived` };
  },
  after: afterAppointmentChange,
});
