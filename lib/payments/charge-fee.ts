import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorCan, managesAppointment } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getFeeContext } from "./data";
import { recordCharge } from "./mutations";
import type { ChargeOutcome } from "./provider";
import { selectPaymentProvider } from "./select-provider";

export type FeeKind = "LATE_CANCELLATION_FEE" | "NO_SHOW_FEE";

const descriptions: Record<FeeKind, string> = { NO_SHOW_FEE: "No-show fee", LATE_CANCELLATION_FEE: "Late-cancellation fee" };

/**
 * A fee on the card saved at checkout, off-session. Charged once per appointment and kind: a failed
 * attempt may be retried (a new idempotency key per attempt), a succeeded or pending one may not. When
 * the bank asks for authentication the charge waits for the customer (REQUIRES_ACTION).
 */
export async function chargeFee(actor: Actor, appointmentId: string, kind: FeeKind): Promise<ChargeOutcome["status"]> {
  const context = await getFeeContext(appointmentId, kind);
  if (!context || !(actorCan(actor, "payments.charge") || managesAppointment(actor, context))) {
    throw new AppError("NOT_FOUND", "That appointment does not exist.");
  }
  if (!actorCan(actor, "payments.charge")) throw new AppError("FORBIDDEN", "Only the front desk and the owner can charge fees.");
  if (kind === "NO_SHOW_FEE" && context.status !== "NO_SHOW") {
    throw new AppError("INVALID_TRANSITION", "Mark the appointment as a no-show before charging the no-show fee.");
  }
  if (context.amountCents <= 0) throw new AppError("VALIDATION", `The salon charges no ${descriptions[kind].toLowerCase()}.`);
  if (context.alreadyCharged) throw new AppError("CONFLICT", `The ${descriptions[kind].toLowerCase()} was already charged.`);
  if (!context.providerCustomerId) throw new AppError("VALIDATION", "No card was saved for this appointment.");

  const currency = context.currency.trim();
  const outcome = await selectPaymentProvider().chargeSavedCard({
    providerCustomerId: context.providerCustomerId,
    paymentIntentOfCard: context.depositIntent,
    paymentMethodId: context.providerPaymentMethodId,
    amountCents: context.amountCents,
    currency,
    description: `${descriptions[kind]}: ${context.service.name}`,
    appointmentId,
    idempotencyKey: `fee:${appointmentId}:${kind}:${context.attempts + 1}`,
  });
  await recordCharge({
    appointmentId,
    kind,
    amountCents: context.amountCents,
    currency,
    status: outcome.status,
    paymentIntentId: outcome.paymentIntentId,
    paymentMethodId: outcome.paymentMethodId,
    failureMessage: outcome.status === "SUCCEEDED" ? null : outcome.message,
    actor,
  });
  return outcome.status;
}
