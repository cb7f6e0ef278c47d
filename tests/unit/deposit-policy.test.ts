import { describe, expect, it } from "vitest";
import { depositCentsOf, paymentNeedOf } from "@/lib/payments/deposit-policy";
import { paymentPolicyLines } from "@/lib/payments/policy-text";
import { depositsUnavailableReason } from "@/lib/payments/settings";

const none = { depositCents: null, depositPercent: null, cardRequired: false };
const noFees = { lateCancelFeeCents: 0, noShowFeeCents: 0 };

describe("what a booking must pay", () => {
  it("is nothing for a service without a deposit rule", () => {
    expect(paymentNeedOf(none, 4500, noFees)).toBeNull();
  });

  it("is a fixed deposit, never more than the price", () => {
    expect(depositCentsOf({ ...none, depositCents: 1000 }, 4500)).toBe(1000);
    expect(depositCentsOf({ ...none, depositCents: 9000 }, 4500)).toBe(4500);
  });

  it("is a percentage of the price, rounded to the minor unit", () => {
    expect(depositCentsOf({ ...none, depositPercent: 15 }, 4550)).toBe(683);
  });

  it("saves the card only when the policy may charge it later, or the service asks for a card", () => {
    expect(paymentNeedOf({ ...none, depositCents: 1000 }, 4500, noFees)).toEqual({ depositCents: 1000, saveCard: false });
    expect(paymentNeedOf({ ...none, depositCents: 1000 }, 4500, { ...noFees, noShowFeeCents: 2000 })).toEqual({
      depositCents: 1000,
      saveCard: true,
    });
    expect(paymentNeedOf({ ...none, cardRequired: true }, 4500, noFees)).toEqual({ depositCents: 0, saveCard: true });
  });
});

describe("the policy in the customer's words", () => {
  const facts = {
    depositCents: 1000,
    cardRequired: false,
    currency: "GBP",
    locale: "en-GB",
    lateCancelWindowMinutes: 1440,
    lateCancelFeeCents: 0,
    noShowFeeCents: 2500,
    depositCountsTowardPrice: true,
  };

  it("names the deposit, the window and the no-show fee in the salon's currency", () => {
    expect(paymentPolicyLines(facts)).toEqual([
      "A deposit of £10.00 is taken now and taken off the price on the day.",
      "Cancel at least 24 h before the start and the deposit is refunded; later, the deposit is kept.",
      "If you miss the appointment, a no-show fee of £25.00 is charged to your card.",
    ]);
  });

  it("speaks of the card on file when nothing is charged now", () => {
    const lines = paymentPolicyLines({
      ...facts,
      depositCents: 0,
      cardRequired: true,
      lateCancelFeeCents: 1500,
      currency: "EUR",
      locale: "de-DE",
    });
    // German prices put a no-break space before the euro sign.
    expect(lines.map((line) => line.replaceAll("\u00a0", " "))).toEqual([
      "Nothing is charged now: your card is kept on file for the fees below.",
      "If you cancel less than 24 h before the start, a late-cancellation fee of 15,00 € is charged to your card.",
      "If you miss the appointment, a no-show fee of 25,00 € is charged to your card.",
    ]);
  });
});

describe("deposits without Stripe", () => {
  it("cannot be switched on where no provider takes payments, and says why", () => {
    expect(depositsUnavailableReason({ provider: "none", webhookSecret: null, appUrl: "https://salon.example" })).toMatch(
      /STRIPE_SECRET_KEY/,
    );
    expect(depositsUnavailableReason({ provider: "test-checkout", webhookSecret: "whsec_x", appUrl: "http://localhost:3000" })).toBeNull();
  });
});
