import { describe, expect, it } from "vitest";
import { formatDuration, formatPrice } from "@/lib/format";

describe("display formatting", () => {
  it("shows prices from minor units in the salon's currency and locale", () => {
    expect(formatPrice(5500, "GBP", "en-GB")).toBe("£55.00");
    expect(formatPrice(16000, "GBP", "en-GB")).toBe("£160.00");
    expect(formatPrice(123450, "EUR", "de-DE")).toBe("1.234,50 €");
  });

  it("shows durations in hours and minutes", () => {
    expect(formatDuration(45)).toBe("45 min");
    expect(formatDuration(60)).toBe("1 h");
    expect(formatDuration(75)).toBe("1 h 15 min");
  });
});
