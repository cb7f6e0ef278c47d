import type { Actor } from "@/lib/auth/actor";
import { actorCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export type DepositPolicy = { depositCents: number | null; depositPercent: number | null; cardRequired: boolean };

const NO_DEPOSIT: DepositPolicy = { depositCents: null, depositPercent: null, cardRequired: false };
const FIELDS = ["depositCents", "depositPercent", "cardRequired"] as const;

/** Whether a change sets any deposit field to something other than what the service has (a new one has none). */
export function changesDepositPolicy(before: DepositPolicy | null, change: Partial<DepositPolicy>): boolean {
  const current = before ?? NO_DEPOSIT;
  return FIELDS.some((field) => change[field] !== undefined && change[field] !== current[field]);
}

/**
 * A service's deposit is part of the payments policy, not of the catalogue: changing it asks
 * `payments.manage`, whoever may edit the rest of the service (the form and the API's PATCH alike).
 * Re-sending the deposit a service already has changes nothing and needs nothing more.
 */
export function assertMaySetDepositPolicy(actor: Actor, before: DepositPolicy | null, change: Partial<DepositPolicy>): void {
  if (!changesDepositPolicy(before, change) || actorCan(actor, "payments.manage")) return;
  const message = "Only someone who manages payments can change a service's deposit.";
  throw new AppError("FORBIDDEN", message, [{ path: "depositCents", message }]);
}
