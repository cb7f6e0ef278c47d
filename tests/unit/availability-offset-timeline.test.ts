import { describe, expect, it } from "vitest";
import { buildOffsetTimeline, firstInstantAtWall, segmentIndexAt } from "@/lib/booking/offset-timeline";
import { addDays, fromWallClock } from "@/lib/time/zoned";

const HOUR = 3_600_000;
const iso = (instant: number) => new Date(instant).toISOString();
const wallMs = (date: string, minute: number) => Date.parse(`${date}T00:00:00Z`) + minute * 60_000;

describe("offset timeline the availability sweep converts wall-clock time with", () => {
  it("finds each of London's 2026 transitions to the minute", () => {
    const segments = buildOffsetTimeline("Europe/London", Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(segments.map((s) => s.offsetMs / HOUR)).toEqual([0, 1, 0]);
    expect(segments.slice(1).map((s) => iso(s.from))).toEqual(["2026-03-29T01:00:00.000Z", "2026-10-25T01:00:00.000Z"]);
    expect(segments[0]!.from).toBe(-Infinity);
    expect(segments.at(-1)!.until).toBe(Infinity);
  });

  it("finds Lord Howe's half-hour shift and keeps Kathmandu's +05:45 in one segment", () => {
    const lordHowe = buildOffsetTimeline("Australia/Lord_Howe", Date.UTC(2026, 3, 1), Date.UTC(2026, 3, 10));
    expect(lordHowe.map((s) => s.offsetMs / HOUR)).toEqual([11, 10.5]);
    expect(iso(lordHowe[1]!.from)).toBe("2026-04-04T15:00:00.000Z");
    expect(buildOffsetTimeline("Asia/Kathmandu", Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)).map((s) => s.offsetMs / HOUR)).toEqual([5.75]);
  });

  it("locates the segment of an instant from any starting hint", () => {
    const segments = buildOffsetTimeline("Europe/London", Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(segmentIndexAt(segments, Date.UTC(2026, 6, 1))).toBe(1);
    expect(segmentIndexAt(segments, Date.UTC(2026, 1, 1), 2)).toBe(0);
    expect(segmentIndexAt(segments, Date.UTC(2026, 10, 1), 0)).toBe(2);
  });

  it("agrees with fromWallClock for every quarter hour of transition days, and maps gap times to the gap's end", () => {
    const cases = [
      ["Europe/London", "2026-03-29"],
      ["Europe/London", "2026-10-25"],
      ["America/New_York", "2026-03-08"],
      ["America/New_York", "2026-11-01"],
      ["Australia/Lord_Howe", "2026-04-05"],
      ["Australia/Lord_Howe", "2026-10-04"],
      ["America/Santiago", "2026-09-06"],
      ["Asia/Kathmandu", "2026-06-01"],
    ] as const;
    for (const [zone, date] of cases) {
      const segments = buildOffsetTimeline(zone, Date.parse(`${addDays(date, -2)}T00:00:00Z`), Date.parse(`${addDays(date, 2)}T00:00:00Z`));
      for (let minute = 0; minute < 1440; minute += 15) {
        const expected = fromWallClock(date, minute, zone);
        const actual = firstInstantAtWall(segments, wallMs(date, minute));
        if (expected !== undefined) {
          expect(iso(actual), `${zone} ${date} minute ${minute}`).toBe(iso(expected));
        } else {
          // Skipped by spring-forward: the answer is the transition, where the clock jumps past this time.
          expect(
            segments.some((s) => s.from === actual),
            `${zone} ${date} minute ${minute}`,
          ).toBe(true);
        }
      }
    }
  });
});
