import { describe, expect, it } from "vitest";
import { diffSnapshots } from "@/lib/audit/diff";
import { describeAuditChange } from "@/lib/audit/describe";

describe("audit snapshots", () => {
  it("keeps only the changed fields of an update, and nothing when nothing changed", () => {
    expect(diffSnapshots({ name: "Cut", priceCents: 3500 }, { name: "Cut", priceCents: 4000 })).toEqual({
      before: { priceCents: 3500 },
      after: { priceCents: 4000 },
    });
    expect(diffSnapshots({ staffIds: ["a", "b"] }, { staffIds: ["a", "b"] })).toBeNull();
  });

  it("keeps the whole record of a creation or removal, dates as ISO strings", () => {
    expect(diffSnapshots(null, { startsAt: new Date("2030-01-01T09:00:00Z"), reason: undefined })).toEqual({
      before: null,
      after: { startsAt: "2030-01-01T09:00:00.000Z" },
    });
    expect(diffSnapshots({ reason: "Course" }, null)).toEqual({ before: { reason: "Course" }, after: null });
  });

  it("reads as before → after, with prices, instants and ids in words", () => {
    const names = new Map([["stylist-1", "Amara"]]);
    expect(
      describeAuditChange(
        { priceCents: 3500, staffIds: [] },
        { priceCents: 4000, staffIds: ["stylist-1"] },
        { timezone: "Europe/London", locale: "en-GB" },
        names,
      ),
    ).toEqual(["priceCents: 35.00 → 40.00", "staffIds: none → Amara"]);
    expect(describeAuditChange(null, { active: true }, { timezone: "Europe/London", locale: "en-GB" }, names)).toEqual(["active: yes"]);
  });
});
