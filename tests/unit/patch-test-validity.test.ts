import { describe, expect, it } from "vitest";
import { isValidPatchTest, patchTestWindow } from "@/lib/patch-tests/validity";

const startsAt = new Date("2030-08-31T10:00:00Z");
const negative = (iso: string) => ({ testedAt: new Date(iso), result: "NEGATIVE" as const });

describe("patch test validity", () => {
  it("counts a negative test done exactly 48 hours before, not one an hour later", () => {
    expect(isValidPatchTest(negative("2030-08-29T10:00:00Z"), startsAt, 6)).toBe(true);
    expect(isValidPatchTest(negative("2030-08-29T11:00:00Z"), startsAt, 6)).toBe(false);
  });

  it("refuses a test older than the salon's maximum age, clamping to the end of a shorter month", () => {
    // Six months before 31 August is 28 February (2030 is not a leap year), not 3 March.
    expect(patchTestWindow(startsAt, 6).earliest.toISOString()).toBe("2030-02-28T10:00:00.000Z");
    expect(isValidPatchTest(negative("2030-02-28T10:00:00Z"), startsAt, 6)).toBe(true);
    expect(isValidPatchTest(negative("2030-02-28T09:59:00Z"), startsAt, 6)).toBe(false);
    expect(isValidPatchTest(negative("2030-02-28T09:59:00Z"), startsAt, 12)).toBe(true);
  });

  it("never counts a positive result", () => {
    expect(isValidPatchTest({ testedAt: new Date("2030-08-20T10:00:00Z"), result: "POSITIVE" }, startsAt, 6)).toBe(false);
  });
});
