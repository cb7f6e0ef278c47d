import { describe, expect, it } from "vitest";
import { computeAvailability, type InstantRange, type Slot } from "@/lib/booking/availability";
import { addDays } from "@/lib/time/zoned";
import { at, clockTimes, everyDay, HOUR, inputFor, onDate, starts, stylist, times } from "./availability-fixtures";

/** Slots of one stylist working `spans` on `date` in `timezone`. */
function slotsOn(date: string, timezone: string, spans: string[], step = 30, duration = 30, busy: InstantRange[] = []): Slot[] {
  const input = inputFor(date, {
    settings: { timezone, slotStepMinutes: step },
    service: { durationMinutes: duration },
    staff: [stylist("ana", { workingHours: onDate(date, ...spans), busy })],
  });
  return computeAvailability(input).byStaff.get("ana") ?? [];
}

const realHours = (slots: Slot[], duration = 30) =>
  slots.length === 0 ? 0 : (slots.at(-1)!.startsAt + duration * 60_000 - slots[0]!.startsAt) / HOUR;

function expectStrictlyIncreasing(slots: Slot[]) {
  for (let i = 1; i < slots.length; i++) expect(slots[i]!.startsAt).toBeGreaterThan(slots[i - 1]!.startsAt);
}

describe("Europe/London", () => {
  const spring = "2026-03-29"; // 01:00 GMT jumps to 02:00 BST
  const fall = "2026-10-25"; // 02:00 BST falls back to 01:00 GMT

  it("offers no start at a local time skipped by spring-forward", () => {
    const slots = slotsOn(spring, "Europe/London", ["00:00-04:00"]);
    expect(times(slots)).toEqual(["00:00", "00:30", "02:00", "02:30", "03:00", "03:30"]);
    expect(starts(slots)).toEqual(["00:00", "00:30", "01:00", "01:30", "02:00", "02:30"]);
    expect(realHours(slots)).toBe(3); // 00:00–04:00 local is three real hours that night
  });

  it("keeps a day shift at its wall-clock hours on both sides of the transition", () => {
    for (const date of [addDays(spring, -1), spring, addDays(spring, 1), fall]) {
      const slots = slotsOn(date, "Europe/London", ["09:00-17:00"], 15, 60);
      expect(times(slots)).toEqual(clockTimes("09:00", "16:00", 15));
      expect(slots.every((slot) => slot.localDate === date)).toBe(true);
    }
  });

  it("offers both occurrences of the repeated fall-back hour once each, 30 minutes apart, for a shift spanning it", () => {
    const slots = slotsOn(fall, "Europe/London", ["00:00-03:00"]);
    expect(times(slots)).toEqual(["00:00", "00:30", "01:00", "01:30", "01:00", "01:30", "02:00", "02:30"]);
    expect(starts(slots)).toEqual(["23:00", "23:30", "00:00", "00:30", "01:00", "01:30", "02:00", "02:30"]);
    expectStrictlyIncreasing(slots);
    expect(realHours(slots)).toBe(4); // 00:00–03:00 local lasts four real hours that night
  });

  it("ends an interval that ends inside the repeated hour at that time's first occurrence", () => {
    const slots = slotsOn(fall, "Europe/London", ["00:00-01:30"]);
    expect(times(slots)).toEqual(["00:00", "00:30", "01:00"]);
    expect(slots.at(-1)!.endsAt).toBe(at(fall, "01:30"));
  });

  it("starts an interval that starts inside the repeated hour at its first occurrence and runs on without a gap", () => {
    const slots = slotsOn(fall, "Europe/London", ["01:30-03:00"]);
    expect(slots[0]!.startsAt).toBe(at(fall, "01:30"));
    expect(times(slots)).toEqual(["01:30", "01:00", "01:30", "02:00", "02:30"]);
    expectStrictlyIncreasing(slots);
  });

  it("blocks only the real instants of an appointment in the repeated hour", () => {
    const second = { from: at(fall, "01:00", "Europe/London", true), until: at(fall, "01:30", "Europe/London", true) };
    const slots = slotsOn(fall, "Europe/London", ["00:00-03:00"], 30, 30, [second]);
    expect(slots.map((slot) => slot.startsAt)).toContain(at(fall, "01:00")); // the first 01:00 (BST) is free
    expect(slots.map((slot) => slot.startsAt)).not.toContain(second.from);
  });

  it("labels slots of a week spanning spring-forward with the right local dates and times", () => {
    const input = inputFor("2026-03-26", {
      range: { from: at("2026-03-26", "00:00"), until: at("2026-04-02", "00:00") },
      settings: { slotStepMinutes: 60 },
      staff: [stylist("ana", { workingHours: everyDay("09:00-12:00") })],
    });
    const slots = computeAvailability(input).byStaff.get("ana") ?? [];
    expect(slots).toHaveLength(7 * 3);
    for (const slot of slots) expect(slot.startsAt).toBe(at(slot.localDate, slot.localTime));
  });
});

describe("America/New_York", () => {
  it("skips 02:00–03:00 on spring-forward day", () => {
    const slots = slotsOn("2026-03-08", "America/New_York", ["01:00-04:00"]);
    expect(times(slots)).toEqual(["01:00", "01:30", "03:00", "03:30"]);
    expect(starts(slots)).toEqual(["06:00", "06:30", "07:00", "07:30"]);
  });

  it("runs through 01:00–02:00 twice on fall-back day without duplicate instants or gaps", () => {
    const slots = slotsOn("2026-11-01", "America/New_York", ["01:00-03:00"]);
    expect(times(slots)).toEqual(["01:00", "01:30", "01:00", "01:30", "02:00", "02:30"]);
    expect(starts(slots)).toEqual(["05:00", "05:30", "06:00", "06:30", "07:00", "07:30"]);
  });

  it("gives a nine-to-five shift its wall-clock hours on both transition days", () => {
    for (const date of ["2026-03-08", "2026-11-01"]) {
      const slots = slotsOn(date, "America/New_York", ["09:00-17:00"], 15, 60);
      expect(times(slots)).toEqual(clockTimes("09:00", "16:00", 15));
      expect(slots[0]!.startsAt).toBe(at(date, "09:00", "America/New_York"));
    }
  });
});

describe("Asia/Kathmandu (+05:45)", () => {
  it("aligns starts to the step in local time, at quarter past and quarter to in UTC", () => {
    const slots = slotsOn("2026-06-01", "Asia/Kathmandu", ["09:00-11:00"], 30, 60);
    expect(times(slots)).toEqual(["09:00", "09:30", "10:00"]);
    expect(starts(slots)).toEqual(["03:15", "03:45", "04:15"]);
  });

  it("puts a late-evening UTC instant on the next local date", () => {
    const slots = slotsOn("2026-06-02", "Asia/Kathmandu", ["05:00-06:00"], 60, 60);
    expect(slots).toHaveLength(1);
    expect(slots[0]).toMatchObject({ localDate: "2026-06-02", localTime: "05:00" });
    expect(new Date(slots[0]!.startsAt).toISOString()).toBe("2026-06-01T23:15:00.000Z");
  });
});

describe("Australia/Lord_Howe (30-minute DST shift)", () => {
  it("repeats only 01:30–02:00 on fall-back day (2026-04-05)", () => {
    const slots = slotsOn("2026-04-05", "Australia/Lord_Howe", ["01:00-03:00"]);
    expect(times(slots)).toEqual(["01:00", "01:30", "01:30", "02:00", "02:30"]);
    expect(starts(slots)).toEqual(["14:00", "14:30", "15:00", "15:30", "16:00"]);
  });

  it("keeps hourly starts on the local hour after the half-hour shift", () => {
    const slots = slotsOn("2026-04-05", "Australia/Lord_Howe", ["01:00-03:00"], 60, 60);
    expect(times(slots)).toEqual(["01:00", "02:00"]);
    expect(starts(slots)).toEqual(["14:00", "15:30"]); // 90 real minutes apart
  });

  it("skips 02:00–02:30 on spring-forward day (2026-10-04)", () => {
    const slots = slotsOn("2026-10-04", "Australia/Lord_Howe", ["01:00-04:00"], 15, 15);
    expect(times(slots)).toEqual([...clockTimes("01:00", "01:45", 15), ...clockTimes("02:30", "03:45", 15)]);
    expect(realHours(slots, 15)).toBe(2.5);
  });
});
