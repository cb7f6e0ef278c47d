import { describe, expect, it } from "vitest";
import { paymentTotalsOf } from "@/lib/payments/payment-totals";

describe("payment totals", () => {
  it("counts both fee kinds as fees and nets refunds off what came in, one line per currency", () => {
    expect(
      paymentTotalsOf([
        { kind: "DEPOSIT", currency: "GBP", cents: 5000 },
        { kind: "REFUND", currency: "GBP", cents: 1000 },
        { kind: "NO_SHOW_FEE", currency: "GBP", cents: 3000 },
        { kind: "LATE_CANCELLATION_FEE", currency: "GBP", cents: 2000 },
        { kind: "DEPOSIT", currency: "EUR", cents: 700 },
      ]),
    ).toEqual([
      { currency: "EUR", depositsCents: 700, refundedCents: 0, feesCents: 0, netCents: 700 },
      { currency: "GBP", depositsCents: 5000, refundedCents: 1000, feesCents: 5000, netCents: 9000 },
    ]);
  });

  it("has no lines when no money moved", () => {
    expect(paymentTotalsOf([])).toEqual([]);
  });
});
