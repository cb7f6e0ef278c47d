import { describe, expect, it, vi } from "vitest";
import { computeAvailability, isSlotAvailable } from "@/lib/booking/availability";
import { at, clockTimes, everyDay, HOUR, inputFor, stylist, times } from "./availability-fixtures";

const DAY = "2026-06-01"; // a Monday in British Summer Time

describe("availability on an ordinary day", () => {
  it("offers every step-aligned start whose appointment ends by the end of the shift", () => {
    const { byStaff } = computeAvailability(inputFor(DAY));
    const slots = byStaff.get("ana") ?? [];
    expect(times(slots)).toEqual(clockTimes("09:00", "16:00", 15));
    expect(slots[0]).toEqual({
      startsAt: at(DAY, "09:00"),
      endsAt: at(DAY, "10:00"),
      staffId: "ana",
      localDate: DAY,
      localTime: "09:00",
    });
  });

  it("keeps appointments out of a break between two working intervals", () => {
    const input = inputFor(DAY, { staff: [stylist("ana", { workingHours: everyDay("09:00-12:00", "13:00-17:00") })] });
    expect(times(computeAvailability(input).byStaff.get("ana"))).toEqual([
      ...clockTimes("09:00", "11:00", 15),
      ...clockTimes("13:00", "16:00", 15),
    ]);
  });

  it("does not join adjacent intervals: a slot lies inside one working interval", () => {
    const input = inputFor(DAY, { staff: [stylist("ana", { workingHours: everyDay("09:00-12:00", "12:00-17:00") })] });
    const slots = times(computeAvailability(input).byStaff.get("ana"));
    expect(slots).toContain("11:00");
    expect(slots).not.toContain("11:15");
    expect(slots).toContain("12:00");
  });

  it("merges overlapping intervals' starts without duplicates", () => {
    const input = inputFor(DAY, { staff: [stylist("ana", { workingHours: everyDay("09:00-13:00", "12:00-17:00") })] });
    expect(times(computeAvailability(input).byStaff.get("ana"))).toEqual(clockTimes("09:00", "16:00", 15));
  });

  it("offers nothing on a weekday without working hours", () => {
    const input = inputFor(DAY, { staff: [stylist("ana", { workingHours: everyDay("09:00-17:00").filter((i) => i.weekday !== 1) })] });
    expect(computeAvailability(input).byStaff.get("ana")).toEqual([]);
  });
});

describe("what blocks a slot", () => {
  it("never overlaps a booked appointment and allows back-to-back bookings", () => {
    const busy = [{ from: at(DAY, "11:00"), until: at(DAY, "12:00") }];
    const slots = times(computeAvailability(inputFor(DAY, { staff: [stylist("ana", { busy })] })).byStaff.get("ana"));
    expect(slots).toContain("10:00"); // ends exactly when the booked one starts
    expect(slots).not.toContain("10:15");
    expect(slots).not.toContain("11:45");
    expect(slots).toContain("12:00"); // starts exactly when the booked one ends
  });

  it("counts the service's buffers before and after as blocked time", () => {
    const busy = [{ from: at(DAY, "12:00"), until: at(DAY, "13:00") }];
    const input = inputFor(DAY, {
      service: { durationMinutes: 60, bufferBeforeMinutes: 15, bufferAfterMinutes: 30 },
      staff: [stylist("ana", { busy })],
    });
    expect(times(computeAvailability(input).byStaff.get("ana"))).toEqual([
      ...clockTimes("09:15", "10:30", 15), // 10:30 + 60 + 30 after = 12:00
      ...clockTimes("13:15", "15:30", 15), // 13:00 + 15 before; 15:30 + 90 = 17:00
    ]);
  });

  it("keeps slots out of time off", () => {
    const timeOff = [{ from: at(DAY, "08:00"), until: at(DAY, "14:00") }];
    const input = inputFor(DAY, { staff: [stylist("ana", { timeOff })] });
    expect(times(computeAvailability(input).byStaff.get("ana"))).toEqual(clockTimes("14:00", "16:00", 15));
  });

  it("offers nothing before now plus the minimum notice", () => {
    const input = inputFor(DAY, { now: at(DAY, "10:05"), settings: { minNoticeMinutes: 120 } });
    expect(times(computeAvailability(input).byStaff.get("ana"))[0]).toBe("12:15");
  });

  it("offers nothing at or beyond the booking horizon", () => {
    const input = inputFor(DAY, { now: at(DAY, "12:00") - 2 * 24 * HOUR, settings: { bookingHorizonDays: 2 } });
    expect(times(computeAvailability(input).byStaff.get("ana")).at(-1)).toBe("11:45");
  });

  it("only offers starts within the requested range", () => {
    const input = inputFor(DAY, { range: { from: at(DAY, "10:00"), until: at(DAY, "11:00") } });
    expect(times(computeAvailability(input).byStaff.get("ana"))).toEqual(["10:00", "10:15", "10:30", "10:45"]);
  });
});

describe("slot step alignment", () => {
  it("aligns starts to the step in local time even when the free time starts off-grid", () => {
    const busy = [{ from: at(DAY, "09:00"), until: at(DAY, "09:07") }];
    const input = inputFor(DAY, { settings: { slotStepMinutes: 20 }, staff: [stylist("ana", { busy })] });
    expect(times(computeAvailability(input).byStaff.get("ana")).slice(0, 3)).toEqual(["09:20", "09:40", "10:00"]);
  });

  it("counts a step that does not divide a day from each local midnight", () => {
    const input = inputFor(DAY, { settings: { slotStepMinutes: 25 }, staff: [stylist("ana", { workingHours: everyDay("00:00-24:00") })] });
    const slots = times(computeAvailability(input).byStaff.get("ana"));
    expect(slots[0]).toBe("00:00");
    expect(slots).toContain("09:10"); // 550 = 22 × 25
    expect(slots.every((time) => (Number(time.slice(0, 2)) * 60 + Number(time.slice(3))) % 25 === 0)).toBe(true);
  });
});

describe("any stylist", () => {
  it("gives each start to the stylist with the fewest booked minutes that day", () => {
    const bea = stylist("bea", { busy: [{ from: at(DAY, "09:00"), until: at(DAY, "11:00") }] });
    const cal = stylist("cal", { busy: [{ from: at(DAY, "15:00"), until: at(DAY, "16:00") }] });
    const { anyStaff } = computeAvailability(inputFor(DAY, { staff: [bea, cal] }));
    expect(anyStaff.find((slot) => slot.localTime === "12:00")?.staffId).toBe("cal");
    // Only bea is free at 15:00, so she gets it despite her fuller day.
    expect(anyStaff.find((slot) => slot.localTime === "15:00")?.staffId).toBe("bea");
    expect(anyStaff.find((slot) => slot.localTime === "09:00")?.staffId).toBe("cal");
  });

  it("breaks ties by the salon's display order", () => {
    const { anyStaff } = computeAvailability(inputFor(DAY, { staff: [stylist("zed"), stylist("amy")] }));
    expect(new Set(anyStaff.map((slot) => slot.staffId))).toEqual(new Set(["zed"]));
  });

  it("offers one slot per distinct start, sorted, covering every stylist's starts", () => {
    const early = stylist("early", { workingHours: everyDay("08:00-12:00") });
    const late = stylist("late", { workingHours: everyDay("11:00-15:00") });
    const { anyStaff } = computeAvailability(inputFor(DAY, { staff: [early, late] }));
    expect(times(anyStaff)).toEqual(clockTimes("08:00", "14:00", 15));
    expect(anyStaff.find((slot) => slot.localTime === "11:00")?.staffId).toBe("early");
  });

  it("counts time covered by two overlapping busy ranges once", () => {
    const twice = [
      { from: at(DAY, "09:00"), until: at(DAY, "10:00") },
      { from: at(DAY, "09:00"), until: at(DAY, "10:00") },
    ];
    const bea = stylist("bea", { busy: twice });
    const cal = stylist("cal", { busy: [{ from: at(DAY, "16:00"), until: at(DAY, "17:00") }] });
    // 60 booked minutes each: the tie goes to bea, first in display order.
    expect(computeAvailability(inputFor(DAY, { staff: [bea, cal] })).anyStaff.find((s) => s.localTime === "12:00")?.staffId).toBe("bea");
  });

  it("counts only busy minutes inside the slot's local day", () => {
    // bea's long evening booking yesterday reaches 30 minutes into today; cal has 45 minutes today.
    const bea = stylist("bea", { busy: [{ from: at(DAY, "00:00") - 5 * HOUR, until: at(DAY, "00:30") }] });
    const cal = stylist("cal", { busy: [{ from: at(DAY, "16:15"), until: at(DAY, "17:00") }] });
    const { anyStaff } = computeAvailability(inputFor(DAY, { staff: [cal, bea] }));
    expect(anyStaff[0]?.staffId).toBe("bea");
  });
});

describe("cost", () => {
  it("asks Intl for offsets a few times per computation, not once per candidate slot", () => {
    const spy = vi.spyOn(Intl.DateTimeFormat.prototype, "formatToParts");
    try {
      // Berlin is used by no other test, so the first computation starts with a cold offset cache.
      const input = inputFor("2026-03-16", {
        settings: { timezone: "Europe/Berlin", slotStepMinutes: 5 },
        range: { from: at("2026-03-16", "00:00", "Europe/Berlin"), until: at("2026-04-15", "00:00", "Europe/Berlin") },
      });
      spy.mockClear();
      const slots = computeAvailability(input).byStaff.get("ana") ?? [];
      expect(slots.length).toBeGreaterThan(2_000);
      expect(spy.mock.calls.length).toBeLessThan(120);
      spy.mockClear();
      computeAvailability(input);
      expect(spy.mock.calls.length).toBe(0); // offsets already known: the sweep is integer arithmetic only
    } finally {
      spy.mockRestore();
    }
  });
});

describe("inputs that are empty or wrong", () => {
  it("returns no slots for no working hours, no stylists or an empty range", () => {
    expect(computeAvailability(inputFor(DAY, { staff: [stylist("ana", { workingHours: [] })] })).byStaff.get("ana")).toEqual([]);
    expect(computeAvailability(inputFor(DAY, { staff: [] }))).toEqual({ byStaff: new Map(), anyStaff: [] });
    const empty = computeAvailability(inputFor(DAY, { range: { from: at(DAY, "12:00"), until: at(DAY, "12:00") } }));
    expect(empty.byStaff.get("ana")).toEqual([]);
  });

  it("ignores working intervals that end at or before their start", () => {
    const workingHours = [...everyDay("12:00-12:00"), ...everyDay("17:00-09:00"), ...everyDay("10:00-11:00")];
    const input = inputFor(DAY, { staff: [stylist("ana", { workingHours })] });
    expect(times(computeAvailability(input).byStaff.get("ana"))).toEqual(["10:00"]);
  });

  it("ignores empty busy and time-off ranges", () => {
    const empty = [
      { from: at(DAY, "12:00"), until: at(DAY, "12:00") },
      { from: at(DAY, "13:00"), until: at(DAY, "11:00") },
    ];
    const input = inputFor(DAY, { staff: [stylist("ana", { busy: empty, timeOff: empty })] });
    expect(times(computeAvailability(input).byStaff.get("ana"))).toEqual(clockTimes("09:00", "16:00", 15));
  });

  it("rejects an unknown timezone with a RangeError naming it", () => {
    expect(() => computeAvailability(inputFor(DAY, { settings: { timezone: "Mars/Olympus_Mons" } }))).toThrow(RangeError);
    expect(() => computeAvailability(inputFor(DAY, { settings: { timezone: "Mars/Olympus_Mons" } }))).toThrow(/Mars\/Olympus_Mons/);
  });

  it("rejects malformed numbers, naming the field", () => {
    expect(() => computeAvailability(inputFor(DAY, { settings: { slotStepMinutes: 0 } }))).toThrow(/slotStepMinutes/);
    expect(() => computeAvailability(inputFor(DAY, { service: { durationMinutes: 2.5 } }))).toThrow(/durationMinutes/);
    expect(() => computeAvailability(inputFor(DAY, { service: { bufferAfterMinutes: -5 } }))).toThrow(/bufferAfterMinutes/);
    const badDay = stylist("ana", { workingHours: [{ weekday: 8, startMinute: 0, endMinute: 60 }] });
    expect(() => computeAvailability(inputFor(DAY, { staff: [badDay] }))).toThrow(/weekday/);
    const badMinute = stylist("ana", { workingHours: [{ weekday: 1, startMinute: 0, endMinute: 1500 }] });
    expect(() => computeAvailability(inputFor(DAY, { staff: [badMinute] }))).toThrow(/endMinute/);
  });
});

describe("checking one slot", () => {
  const { range: _range, ...base } = inputFor(DAY, {
    staff: [stylist("ana", { busy: [{ from: at(DAY, "11:00"), until: at(DAY, "12:00") }] })],
  });

  it("accepts a start the full computation offers", () => {
    expect(isSlotAvailable(base, "ana", at(DAY, "09:00"))).toBe(true);
    expect(isSlotAvailable(base, "ana", at(DAY, "12:00"))).toBe(true);
  });

  it("refuses overlapping, off-grid, out-of-hours starts and unknown stylists", () => {
    expect(isSlotAvailable(base, "ana", at(DAY, "10:30"))).toBe(false);
    expect(isSlotAvailable(base, "ana", at(DAY, "09:05"))).toBe(false);
    expect(isSlotAvailable(base, "ana", at(DAY, "16:15"))).toBe(false);
    expect(isSlotAvailable(base, "ana", at(DAY, "09:00") + 30_000)).toBe(false);
    expect(isSlotAvailable(base, "nobody", at(DAY, "09:00"))).toBe(false);
  });

  it("refuses a start inside the minimum notice", () => {
    expect(
      isSlotAvailable({ ...base, now: at(DAY, "08:30"), settings: { ...base.settings, minNoticeMinutes: 60 } }, "ana", at(DAY, "09:15")),
    ).toBe(false);
    expect(
      isSlotAvailable({ ...base, now: at(DAY, "08:30"), settings: { ...base.settings, minNoticeMinutes: 60 } }, "ana", at(DAY, "09:30")),
    ).toBe(true);
  });
});
