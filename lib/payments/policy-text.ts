import { formatDuration, formatPrice } from "@/lib/format";

/**
 * The payments policy in the customer's words, in the salon's currency and locale: shown before they pay
 * (the review step, the checkout page) and in the confirmation email, so all say the same thing.
 */
export type PolicyFacts = {
  depositCents: number;
  cardRequired: boolean;
  currency: string;
  locale: string;
  lateCancelWindowMinutes: number;
  lateCancelFeeCents: number;
  noShowFeeCents: number;
  depositCountsTowardPrice: boolean;
};

export function paymentPolicyLines(facts: PolicyFacts): string[] {
  const money = (cents: number) => formatPrice(cents, facts.currency.trim(), facts.locale);
  const lines: string[] = [];
  if (facts.depositCents > 0) {
    lines.push(
      `A deposit of ${money(facts.depositCents)} is taken now${facts.depositCountsTowardPrice ? " and taken off the price on the day" : ""}.`,
    );
  } else if (facts.cardRequired) {
    lines.push("Nothing is charged now: your card is kept on file for the fees below.");
  }
  const window = formatDuration(facts.lateCancelWindowMinutes);
  const late =
    facts.lateCancelFeeCents > 0
      ? `a late-cancellation fee of ${money(facts.lateCancelFeeCents)} is charged to your card`
      : facts.depositCents > 0
        ? "the deposit is kept"
        : null;
  if (late) {
    lines.push(
      facts.depositCents > 0
        ? `Cancel at least ${window} before the start and the deposit is refunded; later, ${late}.`
        : `If you cancel less than ${window} before the start, ${late}.`,
    );
  }
  if (facts.noShowFeeCents > 0)
    lines.push(`If you miss the appointment, a no-show fee of ${money(facts.noShowFeeCents)} is charged to your card.`);
  return lines;
}
