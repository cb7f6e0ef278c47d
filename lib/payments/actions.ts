"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { AppError } from "@/lib/errors";
import { afterAppointmentChange } from "@/lib/notifications/after-appointment-change";
import { chargeFee } from "./charge-fee";
import { refundDeposit } from "./mutations";
import { openFeeCheckout } from "./open-fee-checkout";
import { isTestCheckoutEnabled, postTestCheckoutEvent } from "./test-checkout";
import { waiveHold } from "./waive-deposit";

const ZTestCheckoutForm = z.object({
  appointmentId: z.string().min(1),
  /** Set when the page stands in for the hosted page of a fee that needs authentication. */
  feePaymentId: z.string().min(1).optional(),
  outcome: z.enum(["pay", "decline", "authenticate", "pay-authenticated", "abandon"]),
});

/**
 * The test checkout's buttons (development only, like the page). Public like the hosted page it stands
 * in for: its link is the hold's. "Card declined" and "Needs authentication" happen on the page itself,
 * as on Stripe's, and send nothing; paying and abandoning post the events Stripe would.
 */
export const testCheckoutAction = defineAction({
  permission: null,
  schema: ZTestCheckoutForm,
  async run({ input: { appointmentId, feePaymentId, outcome }, values }) {
    if (!isTestCheckoutEnabled()) throw new AppError("NOT_FOUND", "There is no test checkout here.");
    if (outcome === "decline") {
      return { status: "error", code: "VALIDATION", message: "Your card was declined (test card). Try again, or abandon.", values };
    }
    const page = `/dev/checkout/${appointmentId}?${feePaymentId ? `fee=${encodeURIComponent(feePaymentId)}&` : ""}`;
    if (outcome === "authenticate") return { redirect: `${page}step=authenticate` };
    const paid = outcome !== "abandon";
    const applied = await postTestCheckoutEvent(appointmentId, paid ? "pay" : "abandon", {
      feePaymentId: feePaymentId ?? null,
      // A card saved after authenticating asks for it again on later charges, like Stripe's 3D Secure test card.
      authenticatingCard: outcome === "pay-authenticated",
    });
    if (applied === null) throw new AppError("NOT_FOUND", "This checkout does not exist.");
    if (feePaymentId) return { redirect: paid ? "/pay/fee?paid=1" : "/pay/fee?cancelled=1" };
    return { redirect: paid ? `/appointments/${appointmentId}?notice=paid` : `/appointments/${appointmentId}` };
  },
});

const ZPayFeeForm = z.object({ token: z.string().min(1) });

/**
 * "Pay" on the page an emailed fee link opens: on to the hosted payment page. Public like that link;
 * the token is the door (it names one fee still waiting, and nothing else).
 */
export const payFeeAction = defineAction({
  permission: null,
  schema: ZPayFeeForm,
  secret: ["token"],
  async run({ input: { token } }) {
    const { url } = await openFeeCheckout(token);
    return { redirect: url };
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
  // The money event for partners, and the customer's payment link when the bank wants authentication.
  after: afterAppointmentChange,
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
    const { visitId } = await waiveHold(actor, appointmentId);
    // A visit's hold is waived whole, from its page: staff go back to it, not to one of its segments.
    return {
      redirect: visitId
        ? `/dashboard/visits/${visitId}?notice=deposit-waived`
        : `/dashboard/appointments/${appointmentId}?notice=deposit-waived`,
    };
  },
  after: afterAppointmentChange,
});
