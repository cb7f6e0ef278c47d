import { describe, expect, it } from "vitest";
import { widensWeek } from "@/lib/staff/weekly-hours";
import { daysInRange, describeWindows, startFitsWindows, toMinuteWindows } from "@/lib/waitlist/windows";

describe("waitlist windows", () => {
  it("takes the booking flow's parts of the day: morning before 12, afternoon to 17, evening after", () => {
    const [morning, afternoon, evening] = toMinuteWindows(["morning", "afternoon", "evening"]);
    expect(startFitsWindows(11 * 60 + 45, [morning!])).toBe(true);
    expect(startFitsWindows(12 * 60, [morning!])).toBe(false);
    expect(startFitsWindows(12 * 60, [afternoon!])).toBe(true);
    expect(startFitsWindows(17 * 60, [evening!])).toBe(true);
  });

  it("lets any time through when no window is given, and explicit hours otherwise", () => {
    expect(startFitsWindows(7 * 60, [])).toBe(true);
    expect(startFitsWindows(9 * 60, toMinuteWindows([{ startMinute: 600, endMinute: 750 }]))).toBe(false);
    expect(startFitsWindows(10 * 60, toMinuteWindows([{ startMinute: 600, endMinute: 750 }]))).toBe(true);
  });

  it("names windows as people read them", () => {
    expect(describeWindows([])).toBe("any time");
    expect(describeWindows(toMinuteWindows(["morning", { startMinute: 1050, endMinute: 1200 }]))).toBe("morning, 17:30–20:00");
  });

  it("counts a range's days with both ends included", () => {
    expect(daysInRange("2030-01-07", "2030-01-07")).toBe(1);
    expect(daysInRange("2030-01-01", "2030-01-30")).toBe(30);
  });
});

describe("widened working week", () => {
  const day = (weekday: number, startMinute: number, endMinute: number) => ({ weekday, startMinute, endMinute });

  it("sees a later end, an earlier start, a filled break or a new day", () => {
    expect(widensWeek([day(1, 540, 1020)], [day(1, 540, 1080)])).toBe(true);
    expect(widensWeek([day(1, 540, 1020)], [day(1, 480, 1020)])).toBe(true);
    expect(widensWeek([day(1, 540, 780), day(1, 840, 1020)], [day(1, 540, 1020)])).toBe(true);
    expect(widensWeek([day(1, 540, 1020)], [day(1, 540, 1020), day(2, 540, 1020)])).toBe(true);
  });

  it("does not for the same, narrower or merely split hours", () => {
    expect(widensWeek([day(1, 540, 1020)], [day(1, 540, 1020)])).toBe(false);
    expect(widensWeek([day(1, 540, 1020)], [day(1, 600, 900)])).toBe(false);
    expect(widensWeek([day(1, 540, 1020)], [day(1, 540, 780), day(1, 780, 1020)])).toBe(false);
  });
});
