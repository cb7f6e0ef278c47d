import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeAvailability,
  isSlotAvailable,
  type AvailabilityInput,
  type InstantRange,
  type Slot,
  type StaffAvailabilityInput,
} from "@/lib/booking/availability";
import { addDays, isoWeekday, startOfLocalDay, toWallClock } from "@/lib/time/zoned";
import { bookedMinutes, firstAtOrAfter, nonEmpty, overlaps } from "./availability-reference";

/**
 * Properties checked against a brute-force reference that shares no code with the engine: it walks every
 * minute of the range and asks Intl (through lib/time/zoned) for each wall-clock reading.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

const zones = ["Europe/London", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe", "America/Santiago", "UTC"];
// Transition days (and ordinary ones) of the zones above, so most runs cross a DST change.
const dates = ["2026-03-29", "2026-10-25", "2026-03-08", "2026-11-01", "2026-04-05", "2026-10-04", "2026-09-06", "2026-06-17"];

const interval = (weekday: number) =>
  fc.record({
    weekday: fc.constant(weekday),
    startMinute: fc.integer({ min: 0, max: 1440 }),
    endMinute: fc.integer({ min: 0, max: 1440 }),
  });

/** Ranges near `origin`, at any millisecond, some overlapping each other. */
const ranges = (origin: number, max: number) =>
  fc
    .array(
      fc.record({
        offset: fc.integer({ min: -6 * 60, max: 30 * 60 }),
        length: fc.integer({ min: -10, max: 240 }),
        jitter: fc.integer({ min: 0, max: MINUTE - 1 }),
      }),
      { maxLength: max },
    )
    .map((items) =>
      items.map(({ offset, length, jitter }) => ({
        from: origin + offset * MINUTE + jitter,
        until: origin + (offset + length) * MINUTE + jitter,
      })),
    );

const stylistArbitrary = (staffId: string, date: string, origin: number) =>
  fc
    .record({
      workingHours: fc
        .array(fc.integer({ min: -1, max: 1 }), { maxLength: 4 })
        .chain((shifts) => fc.tuple(...shifts.map((shift) => interval(isoWeekday(addDays(date, shift)))))),
      busy: ranges(origin, 14),
      timeOff: ranges(origin, 2),
    })
    .map((fields): StaffAvailabilityInput => ({ staffId, ...fields }));

const inputArbitrary = fc.record({ timezone: fc.constantFrom(...zones), date: fc.constantFrom(...dates) }).chain(({ timezone, date }) => {
  const origin = startOfLocalDay(date, timezone);
  return fc.record({
    settings: fc.record({
      timezone: fc.constant(timezone),
      slotStepMinutes: fc.constantFrom(5, 15, 20, 25, 30, 45, 60, 90),
      minNoticeMinutes: fc.integer({ min: 0, max: 12 * 60 }),
      bookingHorizonDays: fc.integer({ min: 0, max: 4 }),
    }),
    service: fc.record({
      durationMinutes: fc.integer({ min: 1, max: 150 }),
      bufferBeforeMinutes: fc.integer({ min: 0, max: 30 }),
      bufferAfterMinutes: fc.integer({ min: 0, max: 30 }),
    }),
    staff: fc.tuple(stylistArbitrary("s1", date, origin), stylistArbitrary("s2", date, origin), stylistArbitrary("s3", date, origin)),
    range: fc
      .tuple(fc.integer({ min: -3 * 60, max: 12 * 60 }), fc.integer({ min: 0, max: 30 * 60 }))
      .map(([start, length]) => ({ from: origin + start * MINUTE, until: origin + (start + length) * MINUTE })),
    now: fc.integer({ min: -3 * 24 * 60, max: 12 * 60 }).map((minutes) => origin + minutes * MINUTE + 1234),
  }) satisfies fc.Arbitrary<AvailabilityInput>;
});

// ---- the reference -------------------------------------------------------------------------------------

function referenceSlots(input: AvailabilityInput, member: StaffAvailabilityInput): number[] {
  const { settings, service, range, now } = input;
  const tz = settings.timezone;
  const shifts: InstantRange[] = [];
  const firstDate = toWallClock(range.from, tz).date;
  for (let offset = -2; offset <= 4; offset++) {
    const date = addDays(firstDate, offset);
    for (const i of member.workingHours) {
      if (i.weekday !== isoWeekday(date) || i.endMinute <= i.startMinute) continue;
      shifts.push({ from: firstAtOrAfter(date, i.startMinute, tz), until: firstAtOrAfter(date, i.endMinute, tz) });
    }
  }
  const blocked = [...nonEmpty(member.busy), ...nonEmpty(member.timeOff)];
  const result: number[] = [];
  for (let start = Math.ceil(range.from / MINUTE) * MINUTE; start < range.until; start += MINUTE) {
    if (start < now + settings.minNoticeMinutes * MINUTE || start >= now + settings.bookingHorizonDays * DAY) continue;
    if (toWallClock(start, tz).minuteOfDay % settings.slotStepMinutes !== 0) continue;
    const block = {
      from: start - service.bufferBeforeMinutes * MINUTE,
      until: start + (service.durationMinutes + service.bufferAfterMinutes) * MINUTE,
    };
    if (!shifts.some((shift) => shift.from <= block.from && block.until <= shift.until)) continue;
    if (blocked.some((other) => overlaps(other, block))) continue;
    result.push(start);
  }
  return result;
}

const shuffle = <T>(list: T[], seed: number): T[] => {
  const out = [...list];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

const runs = { numRuns: 150 };

describe("availability properties", () => {
  it("offers exactly the starts a minute-by-minute brute force accepts: in one working interval, clear of busy time and time off, step-aligned", () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const { byStaff } = computeAvailability(input);
        for (const member of input.staff) {
          expect((byStaff.get(member.staffId) ?? []).map((slot) => slot.startsAt)).toEqual(referenceSlots(input, member));
        }
      }),
      // The brute force costs ~25 ms per run; raise AVAILABILITY_RUNS locally for a deeper search.
      { numRuns: Number(process.env.AVAILABILITY_RUNS ?? 60) },
    );
  }, 60_000);

  it("never overlaps busy time or time off (buffers included), stays in range and labels slots by their local time", () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const { service, settings } = input;
        const { byStaff } = computeAvailability(input);
        for (const member of input.staff) {
          const blocked = nonEmpty([...member.busy, ...member.timeOff]);
          for (const slot of byStaff.get(member.staffId) ?? []) {
            const block = {
              from: slot.startsAt - service.bufferBeforeMinutes * MINUTE,
              until: slot.endsAt + service.bufferAfterMinutes * MINUTE,
            };
            expect(slot.endsAt - slot.startsAt).toBe(service.durationMinutes * MINUTE);
            expect(blocked.some((other) => overlaps(other, block))).toBe(false);
            const wall = toWallClock(slot.startsAt, settings.timezone);
            expect(wall.minuteOfDay % settings.slotStepMinutes).toBe(0);
            expect(`${slot.localDate} ${slot.localTime}`).toBe(
              `${wall.date} ${String(Math.floor(wall.minuteOfDay / 60)).padStart(2, "0")}:${String(wall.minuteOfDay % 60).padStart(2, "0")}`,
            );
            expect(slot.startsAt >= input.range.from && slot.startsAt < input.range.until).toBe(true);
            expect(slot.startsAt >= input.now + settings.minNoticeMinutes * MINUTE).toBe(true);
          }
        }
      }),
      runs,
    );
  }, 30_000);

  it("gives the same slots whether appointments and time off arrive sorted or shuffled", () => {
    fc.assert(
      fc.property(inputArbitrary, fc.integer(), (input, seed) => {
        const sortedInput = {
          ...input,
          staff: input.staff.map((m) => ({
            ...m,
            busy: [...m.busy].sort((a, b) => a.from - b.from),
            timeOff: [...m.timeOff].sort((a, b) => a.from - b.from),
          })),
        };
        const shuffled = {
          ...input,
          staff: input.staff.map((m) => ({ ...m, busy: shuffle(m.busy, seed), timeOff: shuffle(m.timeOff, seed + 1) })),
        };
        expect(computeAvailability(shuffled)).toEqual(computeAvailability(sortedInput));
      }),
      runs,
    );
  }, 30_000);

  it("agrees with isSlotAvailable for offered starts and for other instants", () => {
    fc.assert(
      fc.property(inputArbitrary, fc.array(fc.integer({ min: 0, max: 30 * 4 }), { maxLength: 8 }), (input, probes) => {
        const { range, ...rest } = input;
        const { byStaff } = computeAvailability(input);
        for (const member of input.staff) {
          const offered = new Set((byStaff.get(member.staffId) ?? []).map((slot) => slot.startsAt));
          for (const start of offered) expect(isSlotAvailable(rest, member.staffId, start)).toBe(true);
          for (const probe of probes) {
            const start = Math.floor(range.from / (15 * MINUTE)) * 15 * MINUTE + probe * 15 * MINUTE;
            if (start < range.from || start >= range.until) continue;
            expect(isSlotAvailable(rest, member.staffId, start)).toBe(offered.has(start));
          }
        }
      }),
      { numRuns: 80 },
    );
  }, 30_000);

  it("assigns every distinct start to the least-booked stylist offering it, earliest in display order on ties", () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const { byStaff, anyStaff } = computeAvailability(input);
        const all = [...byStaff.values()].flat();
        expect(anyStaff.map((slot) => slot.startsAt)).toEqual([...new Set(all.map((slot) => slot.startsAt))].sort((a, b) => a - b));
        for (const slot of anyStaff) {
          const offering = input.staff.filter((m) => byStaff.get(m.staffId)?.some((s: Slot) => s.startsAt === slot.startsAt));
          const loads = offering.map((m) => bookedMinutes(m, slot.localDate, input.settings.timezone));
          const best = offering[loads.indexOf(Math.min(...loads))]!;
          expect(slot.staffId).toBe(best.staffId);
        }
      }),
      runs,
    );
  }, 30_000);
});
