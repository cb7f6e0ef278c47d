import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeSorted, overlapMs, sortedNonEmpty, type InstantRange } from "@/lib/booking/intervals";

const range = fc.record({ from: fc.integer({ min: 0, max: 10_000 }), until: fc.integer({ min: 0, max: 10_000 }) });

describe("instant ranges for the availability sweep", () => {
  it("sorts by start and drops empty ranges, whatever the order and clustering", () => {
    // Lengths up to 600 reach the bucketed sort; the small start domain forces duplicates and clusters.
    fc.assert(
      fc.property(fc.array(range, { maxLength: 600 }), (ranges) => {
        const expected = ranges
          .filter((r) => r.until > r.from)
          .map((r) => r.from)
          .sort((a, b) => a - b);
        expect(sortedNonEmpty(ranges).map((r) => r.from)).toEqual(expected);
      }),
    );
  });

  it("sorts thousands of heavily clustered starts correctly (falls back from the bucketed sort)", () => {
    const clustered: InstantRange[] = [];
    for (let i = 0; i < 3_000; i++) clustered.push({ from: (i * 7919) % 1_000, until: 2_000 });
    clustered.push({ from: 1e12, until: 1e12 + 1 }); // one far outlier puts every other start in bucket 0
    const starts = sortedNonEmpty(clustered).map((r) => r.from);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(starts).toHaveLength(3_001);
  });

  it("sorts open-ended ranges among many others", () => {
    const ranges: InstantRange[] = Array.from({ length: 100 }, (_, i) => ({ from: (i * 37) % 100, until: 1_000 }));
    ranges.push({ from: -Infinity, until: 5 }, { from: 50, until: Infinity });
    const starts = sortedNonEmpty(ranges).map((r) => r.from);
    expect(starts[0]).toBe(-Infinity);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("does not change the caller's array", () => {
    const ranges = [
      { from: 5, until: 6 },
      { from: 1, until: 2 },
    ];
    sortedNonEmpty(ranges);
    expect(ranges).toEqual([
      { from: 5, until: 6 },
      { from: 1, until: 2 },
    ]);
  });

  it("merges overlapping and touching ranges from two sorted lists into disjoint ones", () => {
    const a = [
      { from: 0, until: 10 },
      { from: 30, until: 40 },
    ];
    const b = [
      { from: 5, until: 12 },
      { from: 12, until: 15 },
      { from: 50, until: 60 },
    ];
    expect(mergeSorted(a, b)).toEqual([
      { from: 0, until: 15 },
      { from: 30, until: 40 },
      { from: 50, until: 60 },
    ]);
    expect(a).toEqual([
      { from: 0, until: 10 },
      { from: 30, until: 40 },
    ]); // inputs untouched
  });

  it("covers exactly the union of its inputs", () => {
    fc.assert(
      fc.property(
        fc.array(range, { maxLength: 30 }),
        fc.array(range, { maxLength: 30 }),
        fc.integer({ min: 0, max: 10_000 }),
        (a, b, probe) => {
          const merged = mergeSorted(sortedNonEmpty(a), sortedNonEmpty(b));
          const inside = (list: InstantRange[]) => list.some((r) => r.from <= probe && probe < r.until);
          expect(inside(merged)).toBe(inside([...a, ...b]));
          for (let i = 1; i < merged.length; i++) expect(merged[i]!.from).toBeGreaterThan(merged[i - 1]!.until);
        },
      ),
    );
  });

  it("measures how much of a window disjoint ranges cover", () => {
    const ranges = [
      { from: 0, until: 10 },
      { from: 20, until: 30 },
      { from: 40, until: 50 },
    ];
    expect(overlapMs(ranges, 5, 45)).toBe(5 + 10 + 5);
    expect(overlapMs(ranges, 10, 20)).toBe(0);
    expect(overlapMs([], 0, 100)).toBe(0);
  });
});
