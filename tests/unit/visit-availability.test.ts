import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InstantRange, StaffAvailabilityInput } from "@/lib/booking/availability";
import { computeVisitAvailability, type VisitAvailabilityInput, type VisitServiceTiming } from "@/lib/booking/visit-availability";
import { addDays, isoWeekday, startOfLocalDay, toWallClock } from "@/lib/time/zoned";
import { at, everyDay, HOUR, MINUTE, stylist } from "./availability-fixtures";
import { bookedMinutes, firstAtOrAfter, nonEmpty, overlaps } from "./availability-reference";

const DAY = 24 * HOUR;

const service = (durationMinutes: number, overrides: Partial<VisitServiceTiming> = {}): VisitServiceTiming => ({
  durationMinutes,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  processingMinutes: 0,
  bufferInsideVisit: true,
  ...overrides,
});

function visitInput(date: string, overrides: Partial<VisitAvailabilityInput> & { timezone?: string } = {}): VisitAvailabilityInput {
  const { timezone = "Europe/London", ...rest } = overrides;
  const from = startOfLocalDay(date, timezone);
  const services = rest.services ?? [service(30), service(60)];
  const staff = rest.staff ?? [stylist("ana")];
  return {
    settings: { timezone, slotStepMinutes: 15, minNoticeMinutes: 0, bookingHorizonDays: 60 },
    range: { from, until: startOfLocalDay(addDays(date, 1), timezone) },
    now: from - 7 * DAY,
    services,
    staff,
    candidates: services.map(() => staff.map((member) => member.staffId)),
    sameStylist: false,
    ...rest,
  };
}

const clock = (instant: number, timezone = "Europe/London") => {
  const { minuteOfDay } = toWallClock(instant, timezone);
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
};

describe("visit availability", () => {
  it("offers a cut then a colour back to back with the same stylist, ending by closing time", () => {
    const slots = computeVisitAvailability(visitInput("2026-06-01"));
    expect(slots[0]!.localTime).toBe("09:00");
    expect(slots.at(-1)!.localTime).toBe("15:30");
    const [cut, colour] = slots[0]!.segments;
    expect(cut!.endsAt).toBe(colour!.startsAt);
    expect(colour!.endsAt - cut!.startsAt).toBe(90 * MINUTE);
  });

  it("counts the turnover between two services of one stylist once: the larger buffer", () => {
    const services = [service(30, { bufferAfterMinutes: 10 }), service(60, { bufferBeforeMinutes: 15 })];
    const [first] = computeVisitAvailability(visitInput("2026-06-01", { services }));
    const [cut, colour] = first!.segments;
    expect(colour!.startsAt - cut!.endsAt).toBe(15 * MINUTE);
    expect(cut!.bufferAfterMinutes).toBe(15);
    expect(colour!.bufferBeforeMinutes).toBe(0);
  });

  it("drops a buffer inside a visit when the service says it does not apply there", () => {
    const services = [service(30, { bufferAfterMinutes: 10, bufferInsideVisit: false }), service(60, { bufferAfterMinutes: 10 })];
    const [first] = computeVisitAvailability(visitInput("2026-06-01", { services }));
    const [cut, colour] = first!.segments;
    expect(colour!.startsAt).toBe(cut!.endsAt);
    expect(colour!.bufferAfterMinutes).toBe(10);
  });

  it("leaves the stylist free while colour develops, so another client's short service fits in the gap", () => {
    const services = [service(30, { processingMinutes: 45 }), service(30)];
    // Busy 09:30–10:15 (someone else's manicure): exactly the processing gap of a 09:00 visit.
    const busy = [{ from: at("2026-06-01", "09:30"), until: at("2026-06-01", "10:15") }];
    const slots = computeVisitAvailability(visitInput("2026-06-01", { services, staff: [stylist("ana", { busy })] }));
    expect(slots[0]!.localTime).toBe("09:00");
    const [colour, rinse] = slots[0]!.segments;
    expect(clock(colour!.endsAt)).toBe("09:30");
    expect(clock(rinse!.startsAt)).toBe("10:15");
  });

  it("never offers a visit across the stylist's lunch break or time off", () => {
    const workingHours = everyDay("09:00-12:00", "13:00-17:00");
    const timeOff = [{ from: at("2026-06-01", "14:30"), until: at("2026-06-01", "15:00") }];
    const slots = computeVisitAvailability(visitInput("2026-06-01", { staff: [stylist("ana", { workingHours, timeOff })] }));
    const times = slots.map((slot) => slot.localTime);
    expect(times).toContain("10:30");
    expect(times).not.toContain("10:45"); // would run to 12:15
    expect(times).toContain("13:00");
    expect(times).not.toContain("13:15"); // would run into the time off at 14:30
    expect(times).toContain("15:00");
  });

  it("hands a segment to another stylist when the first is busy, preferring the same chair otherwise", () => {
    const busy = [{ from: at("2026-06-01", "09:30"), until: at("2026-06-01", "10:30") }];
    const staff = [
      stylist("ana", { busy }),
      stylist("ben", { busy: [{ from: at("2026-06-01", "16:00"), until: at("2026-06-01", "17:00") }] }),
    ];
    const slots = computeVisitAvailability(visitInput("2026-06-01", { staff }));
    const nine = slots.find((slot) => slot.localTime === "09:00")!;
    // Both are busy 60 minutes that day: display order puts Ana first; Ben takes the colour she cannot.
    expect(nine.segments.map((segment) => segment.staffId)).toEqual(["ana", "ben"]);
    const afternoon = slots.find((slot) => slot.localTime === "14:00")!;
    expect(afternoon.segments.map((segment) => segment.staffId)).toEqual(["ana", "ana"]);
  });

  it("with one stylist throughout, offers only starts where that stylist does every segment", () => {
    const busy = [{ from: at("2026-06-01", "09:30"), until: at("2026-06-01", "10:30") }];
    const staff = [stylist("ana", { busy }), stylist("ben", { workingHours: [] })];
    const slots = computeVisitAvailability(visitInput("2026-06-01", { staff, sameStylist: true }));
    expect(slots.map((slot) => slot.localTime)).not.toContain("09:00");
    expect(slots.every((slot) => slot.segments.every((segment) => segment.staffId === "ana"))).toBe(true);
  });

  it("offers a visit across the autumn DST change with real instants: the repeated hour lasts an hour", () => {
    // 2026-10-25 in London: 02:00 BST falls back to 01:00 GMT. A stylist working 00:00–04:00 local.
    const staff = [stylist("ana", { workingHours: everyDay("00:00-04:00") })];
    const slots = computeVisitAvailability(visitInput("2026-10-25", { staff, services: [service(60), service(60)] }));
    const firstOneAm = slots.find((slot) => slot.localTime === "01:00")!;
    expect(new Date(firstOneAm.startsAt).toISOString()).toBe("2026-10-25T00:00:00.000Z");
    expect(firstOneAm.endsAt - firstOneAm.startsAt).toBe(2 * HOUR);
    expect(slots.filter((slot) => slot.localTime === "01:00")).toHaveLength(2);
    // 04:00 local is 04:00Z: the last two-hour visit starts at 02:00 local (02:00Z).
    expect(new Date(slots.at(-1)!.startsAt).toISOString()).toBe("2026-10-25T02:00:00.000Z");
  });
});

// ---- property test against a brute force -----------------------------------------------------------

const zones = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "UTC"];
const dates = ["2026-03-29", "2026-10-25", "2026-03-08", "2026-11-01", "2026-04-05", "2026-06-17"];

const ranges = (origin: number, max: number) =>
  fc
    .array(fc.record({ offset: fc.integer({ min: -4 * 60, max: 28 * 60 }), length: fc.integer({ min: 5, max: 180 }) }), { maxLength: max })
    .map((items) => items.map(({ offset, length }) => ({ from: origin + offset * MINUTE, until: origin + (offset + length) * MINUTE })));

const stylistArbitrary = (staffId: string, date: string, origin: number) =>
  fc
    .record({
      workingHours: fc
        .array(
          fc.record({
            weekday: fc.integer({ min: -1, max: 1 }).map((shift) => isoWeekday(addDays(date, shift))),
            startMinute: fc.integer({ min: 0, max: 1440 }),
            endMinute: fc.integer({ min: 0, max: 1440 }),
          }),
          { maxLength: 3 },
        )
        // A stylist's intervals on one weekday never overlap: the hours form refuses that ("Intervals overlap.").
        .filter((hours) =>
          hours.every((a, i) =>
            hours.every((b, j) => j <= i || a.weekday !== b.weekday || a.endMinute <= b.startMinute || b.endMinute <= a.startMinute),
          ),
        ),
      busy: ranges(origin, 8),
      timeOff: ranges(origin, 1),
    })
    .map((fields): StaffAvailabilityInput => ({ staffId, ...fields }));

const serviceArbitrary = fc.record({
  durationMinutes: fc.integer({ min: 5, max: 120 }),
  bufferBeforeMinutes: fc.integer({ min: 0, max: 20 }),
  bufferAfterMinutes: fc.integer({ min: 0, max: 20 }),
  processingMinutes: fc.constantFrom(0, 0, 15, 40),
  bufferInsideVisit: fc.boolean(),
});

const inputArbitrary = fc.record({ timezone: fc.constantFrom(...zones), date: fc.constantFrom(...dates) }).chain(({ timezone, date }) => {
  const origin = startOfLocalDay(date, timezone);
  return fc
    .record({
      settings: fc.record({
        timezone: fc.constant(timezone),
        slotStepMinutes: fc.constantFrom(15, 30, 60),
        minNoticeMinutes: fc.integer({ min: 0, max: 6 * 60 }),
        bookingHorizonDays: fc.integer({ min: 1, max: 3 }),
      }),
      services: fc.array(serviceArbitrary, { minLength: 1, maxLength: 3 }),
      staff: fc.tuple(stylistArbitrary("s1", date, origin), stylistArbitrary("s2", date, origin), stylistArbitrary("s3", date, origin)),
      sameStylist: fc.boolean(),
      pick: fc.array(fc.constantFrom(null, "s1", "s2", "s3"), { minLength: 3, maxLength: 3 }),
      range: fc
        .tuple(fc.integer({ min: 0, max: 12 * 60 }), fc.integer({ min: 0, max: 20 * 60 }))
        .map(([start, length]) => ({ from: origin + start * MINUTE, until: origin + (start + length) * MINUTE })),
      now: fc.integer({ min: -2 * 24 * 60, max: 6 * 60 }).map((minutes) => origin + minutes * MINUTE),
    })
    .map(({ pick, ...input }): VisitAvailabilityInput => ({
      ...input,
      staff: [...input.staff],
      // Per service: a chosen stylist, or anyone among the two or three who perform it.
      candidates: input.services.map((_, i) => (pick[i] ? [pick[i]] : i % 2 === 0 ? ["s1", "s2", "s3"] : ["s2", "s3"])),
    }));
});

/** The visit's segments written out from the rules in plain terms, for one stylist tuple. */
function referenceLayout(services: VisitServiceTiming[], staffIds: string[], start: number) {
  const segments: { staffId: string; block: InstantRange; startsAt: number; endsAt: number }[] = [];
  let cursor = start;
  services.forEach((current, i) => {
    const next = services[i + 1];
    const withPrevious = i > 0 && staffIds[i - 1] === staffIds[i];
    const withNext = next !== undefined && staffIds[i + 1] === staffIds[i];
    const before = withPrevious ? 0 : current.bufferBeforeMinutes;
    const after = withNext
      ? Math.max(current.bufferInsideVisit ? current.bufferAfterMinutes : 0, next.bufferInsideVisit ? next.bufferBeforeMinutes : 0)
      : current.bufferAfterMinutes;
    const endsAt = cursor + current.durationMinutes * MINUTE;
    segments.push({
      staffId: staffIds[i]!,
      startsAt: cursor,
      endsAt,
      block: { from: cursor - before * MINUTE, until: endsAt + after * MINUTE },
    });
    const gap = next === undefined ? 0 : withNext ? Math.max(current.processingMinutes, after) : current.processingMinutes;
    cursor = endsAt + gap * MINUTE;
  });
  return segments;
}

function referenceVisits(input: VisitAvailabilityInput): { startsAt: number; staffIds: string[]; starts: number[] }[] {
  const { settings, services, range, now } = input;
  const tz = settings.timezone;
  const firstDate = toWallClock(range.from, tz).date;
  const shiftsOf = (member: StaffAvailabilityInput): InstantRange[] => {
    const shifts: InstantRange[] = [];
    for (let offset = -2; offset <= 4; offset++) {
      const date = addDays(firstDate, offset);
      for (const i of member.workingHours) {
        if (i.weekday !== isoWeekday(date) || i.endMinute <= i.startMinute) continue;
        shifts.push({ from: firstAtOrAfter(date, i.startMinute, tz), until: firstAtOrAfter(date, i.endMinute, tz) });
      }
    }
    return shifts;
  };
  const byId = new Map(input.staff.map((member, order) => [member.staffId, { member, order, shifts: shiftsOf(member) }]));
  let tuples: string[][] = [[]];
  for (const list of input.candidates) tuples = tuples.flatMap((tuple) => list.map((staffId) => [...tuple, staffId]));
  if (input.sameStylist) tuples = tuples.filter((tuple) => tuple.every((staffId) => staffId === tuple[0]));

  const result: { startsAt: number; staffIds: string[]; starts: number[] }[] = [];
  for (let start = Math.ceil(range.from / MINUTE) * MINUTE; start < range.until; start += MINUTE) {
    if (start < now + settings.minNoticeMinutes * MINUTE || start >= now + settings.bookingHorizonDays * DAY) continue;
    const wall = toWallClock(start, tz);
    if (wall.minuteOfDay % settings.slotStepMinutes !== 0) continue;
    const load = (staffId: string) => bookedMinutes(byId.get(staffId)!.member, wall.date, tz);
    const key = (tuple: string[]) =>
      tuple.map((staffId, i) => (i > 0 && tuple[i - 1] === staffId ? -1 : load(staffId) * 10 + byId.get(staffId)!.order));
    const feasible = tuples.filter((tuple) => {
      const segments = referenceLayout(services, tuple, start);
      return segments.every((segment, i) => {
        const { shifts, member } = byId.get(segment.staffId)!;
        const own = segments.filter((other, j) => j !== i && other.staffId === segment.staffId).map((other) => other.block);
        return (
          shifts.some((shift) => shift.from <= segment.block.from && segment.block.until <= shift.until) &&
          ![...nonEmpty(member.busy), ...nonEmpty(member.timeOff), ...own].some((other) => overlaps(other, segment.block))
        );
      });
    });
    if (feasible.length === 0) continue;
    const compare = (a: number[], b: number[]) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
      return 0;
    };
    const best = feasible.sort((a, b) => compare(key(a), key(b)))[0]!;
    result.push({ startsAt: start, staffIds: best, starts: referenceLayout(services, best, start).map((segment) => segment.startsAt) });
  }
  return result;
}

describe("visit availability properties", () => {
  it("offers exactly the visits a minute-by-minute brute force accepts, with the same stylists, DST days included", () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const offered = computeVisitAvailability(input).map((slot) => ({
          startsAt: slot.startsAt,
          staffIds: slot.segments.map((segment) => segment.staffId),
          starts: slot.segments.map((segment) => segment.startsAt),
        }));
        expect(offered).toEqual(referenceVisits(input));
      }),
      { numRuns: Number(process.env.AVAILABILITY_RUNS ?? 60) },
    );
  }, 120_000);
});
