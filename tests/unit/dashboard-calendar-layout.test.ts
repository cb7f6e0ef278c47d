import { describe, expect, it } from "vitest";
import type { AppointmentView } from "@/lib/booking/appointment-view";
import { buildCalendarLayout, calendarDays } from "@/lib/dashboard/calendar-layout";
import { formatDayHours, parseDayHours } from "@/lib/staff/weekly-hours";

const TZ = "Europe/London";
const amy = {
  id: "amy",
  name: "Amy",
  color: "#b0306b",
  workingHours: [
    { weekday: 3, startMinute: 540, endMinute: 780 },
    { weekday: 3, startMinute: 840, endMinute: 1080 },
  ],
  timeOff: [{ startsAt: new Date("2030-07-03T15:00:00Z"), endsAt: new Date("2030-07-05T00:00:00Z"), reason: "Dentist" }],
};

function appointment(id: string, startsAt: string, minutes: number, status: AppointmentView["status"] = "BOOKED"): AppointmentView {
  const start = new Date(startsAt);
  return { id, status, startsAt: start, endsAt: new Date(start.getTime() + minutes * 60_000), staffId: "amy" } as AppointmentView;
}

describe("calendar layout", () => {
  it("shows Monday to Sunday for a week and the day itself for a day", () => {
    expect(calendarDays("2030-07-03", "week")).toEqual([
      "2030-07-01",
      "2030-07-02",
      "2030-07-03",
      "2030-07-04",
      "2030-07-05",
      "2030-07-06",
      "2030-07-07",
    ]);
    expect(calendarDays("2030-07-03", "day")).toEqual(["2030-07-03"]);
  });

  it("places hours, breaks, time off and appointments in salon wall-clock minutes (BST here)", () => {
    const layout = buildCalendarLayout({
      date: "2030-07-03",
      view: "day",
      timeZone: TZ,
      staff: [amy],
      appointments: [appointment("a", "2030-07-03T09:00:00Z", 60), appointment("b", "2030-07-03T09:00:00Z", 30, "CANCELLED")],
    });
    const lane = layout.groups[0]!.lanes[0]!;
    expect(lane.working).toEqual([
      { start: 540, end: 780 },
      { start: 840, end: 1080 },
    ]);
    // 15:00 UTC is 16:00 in London in July; the time off runs to the end of the day.
    expect(lane.timeOff).toEqual([{ start: 960, end: 1440, reason: "Dentist" }]);
    expect(lane.appointments.map((placed) => [placed.appointment.id, placed.start, placed.end, placed.column, placed.columns])).toEqual([
      ["a", 600, 660, 0, 2],
      ["b", 600, 630, 1, 2],
    ]);
    expect(layout.startMinute).toBe(540);
    // Visible hours follow work and appointments, not time off.
    expect(layout.endMinute).toBe(1080);
    // 10:00–11:00 is taken by the booked appointment; a cancelled one never blocks.
    const offered = lane.slots.map((slot) => slot.minute);
    expect(offered).not.toContain(600);
    expect(offered).not.toContain(630);
    expect(offered).toContain(540);
    expect(lane.slots.find((slot) => slot.minute === 540)?.startsAt).toBe("2030-07-03T08:00:00.000Z");
  });

  it("never offers a wall-clock time skipped by the spring-forward change", () => {
    const layout = buildCalendarLayout({
      date: "2030-03-31",
      view: "day",
      timeZone: TZ,
      staff: [{ ...amy, workingHours: [{ weekday: 7, startMinute: 0, endMinute: 600 }], timeOff: [] }],
      appointments: [],
    });
    const minutes = layout.groups[0]!.lanes[0]!.slots.map((slot) => slot.minute);
    expect(minutes).toContain(0);
    expect(minutes).not.toContain(60);
    expect(minutes).not.toContain(90);
    expect(minutes).toContain(120);
  });
});

describe("weekly hours text", () => {
  it("parses several intervals a day and formats them back", () => {
    const parsed = parseDayHours(2, "14:00-18:00, 09:00-13:00");
    expect(parsed).toEqual([
      { weekday: 2, startMinute: 540, endMinute: 780 },
      { weekday: 2, startMinute: 840, endMinute: 1080 },
    ]);
    expect(formatDayHours(parsed as never, 2)).toBe("09:00-13:00, 14:00-18:00");
    expect(parseDayHours(1, "")).toEqual([]);
  });

  it("explains malformed, reversed and overlapping intervals", () => {
    expect(parseDayHours(1, "9-5")).toMatch(/not like/);
    expect(parseDayHours(1, "13:00-09:00")).toMatch(/ends before/);
    expect(parseDayHours(1, "09:00-13:00, 12:00-14:00")).toBe("Intervals overlap.");
  });
});
