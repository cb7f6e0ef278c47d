import { describe, expect, it } from "vitest";
import {
  addDays,
  formatLocalTime,
  fromWallClock,
  isCalendarDate,
  isoWeekday,
  offsetMinutesAt,
  toWallClock,
  wallClockOccurrences,
} from "@/lib/time/zoned";

const iso = (instant: number | undefined) => (instant === undefined ? undefined : new Date(instant).toISOString());

describe("wall-clock time in a salon's timezone", () => {
  it("converts a London summer time to UTC one hour earlier", () => {
    expect(iso(fromWallClock("2026-07-01", 9 * 60, "Europe/London"))).toBe("2026-07-01T08:00:00.000Z");
  });

  it("has no instant for a time skipped by spring-forward", () => {
    expect(fromWallClock("2026-03-29", 60 + 30, "Europe/London")).toBeUndefined();
    expect(fromWallClock("2026-03-08", 2 * 60 + 30, "America/New_York")).toBeUndefined();
    expect(fromWallClock("2026-10-04", 2 * 60 + 15, "Australia/Lord_Howe")).toBeUndefined();
  });

  it("finds both instants of a time repeated by fall-back", () => {
    expect(iso(fromWallClock("2026-10-25", 90, "Europe/London"))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(fromWallClock("2026-10-25", 90, "Europe/London", true))).toBe("2026-10-25T01:30:00.000Z");
    // Lord Howe shifts by only 30 minutes: 01:45 happens at +11:00 and then at +10:30.
    expect(iso(fromWallClock("2026-04-05", 105, "Australia/Lord_Howe"))).toBe("2026-04-04T14:45:00.000Z");
    expect(iso(fromWallClock("2026-04-05", 105, "Australia/Lord_Howe", true))).toBe("2026-04-04T15:15:00.000Z");
  });

  it("handles quarter-hour offsets such as Kathmandu's +05:45", () => {
    expect(offsetMinutesAt(Date.UTC(2026, 5, 1), "Asia/Kathmandu")).toBe(345);
    expect(iso(fromWallClock("2026-06-01", 9 * 60, "Asia/Kathmandu"))).toBe("2026-06-01T03:15:00.000Z");
    expect(formatLocalTime(Date.UTC(2026, 5, 1, 3, 15), "Asia/Kathmandu")).toBe("09:00");
  });

  it("reads the local date and ISO weekday of an instant", () => {
    // 23:30 UTC on a Sunday is already Monday in Kathmandu.
    expect(toWallClock(Date.UTC(2026, 10, 29, 23, 30), "Asia/Kathmandu")).toEqual({
      date: "2026-11-30",
      minuteOfDay: 5 * 60 + 15,
      weekday: 1,
    });
    expect(isoWeekday("2026-11-29")).toBe(7);
  });

  it("adds calendar days across month and year ends", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("rejects a malformed date", () => {
    expect(() => fromWallClock("26-1-1", 0, "Europe/London")).toThrow(/YYYY-MM-DD/);
  });
});

describe("calendar dates and repeated times", () => {
  it("knows which dates exist, leap days included", () => {
    expect(isCalendarDate("2026-02-28")).toBe(true);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-02-31")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-2-1")).toBe(false);
  });

  it("gives both instants of a time the clocks go back over, none for a skipped time, one otherwise", () => {
    expect(wallClockOccurrences("2026-10-25", 90, "Europe/London").map((t) => new Date(t).toISOString())).toEqual([
      "2026-10-25T00:30:00.000Z",
      "2026-10-25T01:30:00.000Z",
    ]);
    expect(wallClockOccurrences("2026-03-29", 90, "Europe/London")).toEqual([]);
    expect(wallClockOccurrences("2026-10-26", 90, "Europe/London")).toHaveLength(1);
  });
});
