/**
 * What a booking of a service must pay before it counts, from the service's deposit rule, its price and
 * the salon's fees. Pure, so the booking core, the review step and the emails all say the same thing.
 */
export type DepositRule = { depositCents: number | null; depositPercent: number | null; cardRequired: boolean };
export type SalonFees = { lateCancelFeeCents: number; noShowFeeCents: number };
export type PaymentPolicy = { rule: DepositRule; fees: SalonFees; holdMinutes: number };

/** A payment the customer makes at checkout; `saveCard` keeps the card for fees charged later. */
export type PaymentNeed = { depositCents: number; saveCard: boolean };

export function depositCentsOf(rule: DepositRule, priceCents: number): number {
  if (rule.depositCents !== null) return Math.min(rule.depositCents, priceCents);
  if (rule.depositPercent !== null) return Math.round((priceCents * rule.depositPercent) / 100);
  return 0;
}

/** null: nothing to pay and no card to save, so the booking is BOOKED at once. */
export function paymentNeedOf(rule: DepositRule, priceCents: number, fees: SalonFees): PaymentNeed | null {
  const depositCents = depositCentsOf(rule, priceCents);
  if (depositCents === 0 && !rule.cardRequired) return null;
  // A card is worth keeping only when the policy may charge it later.
  return { depositCents, saveCard: rule.cardRequired || fees.lateCancelFeeCents > 0 || fees.noShowFeeCents > 0 };
}
