import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { logger } from "@/lib/logger";
import { waiveDeposit } from "./mutations";
import { selectPaymentProvider } from "./select-provider";

/**
 * "Waive deposit": the hold is booked, then its open Checkout Session is expired so the customer can no
 * longer pay what is not owed. The booking stands whatever the provider answers: a session that could
 * not be expired is logged, and a payment still made on it is refunded when its event arrives.
 */
export async function waiveHold(actor: Actor, appointmentId: string): Promise<{ visitId: string | null }> {
  const { openSessions, visitId } = await waiveDeposit(actor, appointmentId);
  if (openSessions.length > 0) await expireCheckouts(appointmentId, openSessions);
  return { visitId };
}

async function expireCheckouts(appointmentId: string, sessionIds: string[]): Promise<void> {
  const provider = selectPaymentProvider();
  for (const sessionId of sessionIds) {
    try {
      await provider.expireCheckout(sessionId);
    } catch (error) {
      logger.warn(
        { appointmentId, sessionId, err: error instanceof Error ? error.message : String(error) },
        "could not expire the checkout of a waived deposit",
      );
    }
  }
}
