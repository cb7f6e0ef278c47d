/** One currency's money over a range: what came in, what went back, and what the salon keeps. */
export type PaymentTotals = { currency: string; depositsCents: number; refundedCents: number; feesCents: number; netCents: number };

/** Succeeded payments summed per kind and currency, folded into one line per currency (sorted by currency). */
export function paymentTotalsOf(sums: Array<{ kind: string; currency: string; cents: number }>): PaymentTotals[] {
  const byCurrency = new Map<string, PaymentTotals>();
  for (const { kind, currency, cents } of sums) {
    const totals = byCurrency.get(currency) ?? { currency, depositsCents: 0, refundedCents: 0, feesCents: 0, netCents: 0 };
    if (kind === "DEPOSIT") totals.depositsCents += cents;
    else if (kind === "REFUND") totals.refundedCents += cents;
    else totals.feesCents += cents;
    totals.netCents = totals.depositsCents + totals.feesCents - totals.refundedCents;
    byCurrency.set(currency, totals);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
