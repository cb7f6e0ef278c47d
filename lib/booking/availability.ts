import { mergeSorted, overlapMs, sortedNonEmpty, type InstantRange } from "@/lib/booking/intervals";
import { buildOffsetTimeline, DAY_MS, firstInstantAtWall, segmentIndexAt, type OffsetSegment } from "@/lib/booking/offset-timeline";
import { isValidTimeZone } from "@/lib/time/zoned";

/**
 * Bookable start times, computed without I/O from everything that constrains them. One sweep per stylist:
 * sort and merge what blocks them (appointments with buffers, time off), subtract it from each working
 * interval converted to instants, and step out starts aligned to the slot step in local time.
 *
 * Wall-clock rules (see the tests for each case):
 * - A working interval on a local date runs from the first instant the salon clock shows its start to the
 *   first instant it shows its end. On a spring-forward day a time inside the gap means "when the gap
 *   ends"; on a fall-back day a shift spanning the repeated hour lasts an hour longer in real time, and an
 *   interval that ends inside the repeated hour ends at its first occurrence.
 * - Starts are instants stepped in real time and kept when their local minute of day is a multiple of the
 *   step. Times skipped by spring-forward never appear; in the repeated fall-back hour both occurrences are
 *   distinct instants, so the same `localTime` label can appear twice with different `startsAt`.
 * - A slot's blocked range (buffers included) must lie inside ONE working interval: adjacent intervals
 *   (09:00–12:00, 12:00–17:00) are not joined, so no slot straddles 12:00; overlapping ones just overlap.
 * - The horizon counts real days: a start must be before `now + bookingHorizonDays × 24 h`.
 * - "Any stylist": per start, the stylist with the fewest busy minutes (union of busy ranges, buffers
 *   included) inside that slot's local day; ties go to the earlier stylist in `staff` order.
 * - Intervals with `endMinute <= startMinute` are ignored (an empty interval is how a closed day may be
 *   stored); malformed numbers and unknown timezones throw a RangeError naming the culprit.
 */

export type { InstantRange } from "@/lib/booking/intervals";

/** Salon-local wall-clock hours [startMinute, endMinute) on an ISO weekday (1 = Monday … 7 = Sunday); 0…1440. */
export type WorkingInterval = { weekday: number; startMinute: number; endMinute: number };

export type StaffAvailabilityInput = {
  staffId: string;
  workingHours: WorkingInterval[];
  timeOff: InstantRange[];
  /** Blocked ranges (buffers included) of the stylist's BOOKED appointments. */
  busy: InstantRange[];
};

export type AvailabilityInput = {
  settings: { timezone: string; slotStepMinutes: number; minNoticeMinutes: number; bookingHorizonDays: number };
  service: { durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number };
  /** In the salon's display order: the stable tie-break for "any stylist". */
  staff: StaffAvailabilityInput[];
  /** Candidate start instants lie in [from, until). */
  range: InstantRange;
  now: number;
};

export type Slot = { startsAt: number; endsAt: number; staffId: string; localDate: string; localTime: string };

const MINUTE_MS = 60_000;

// "HH:MM" for every minute of a day, built once so labelling a slot is an array read.
const LOCAL_TIMES = Array.from(
  { length: 1440 },
  (_, minute) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`,
);

export function requireInteger(value: number, name: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

/** The checks every availability question shares: the salon's settings, `now` and the working hours. */
export function validateCommon(input: Pick<AvailabilityInput, "settings" | "staff" | "now">): void {
  const { settings } = input;
  if (!isValidTimeZone(settings.timezone)) throw new RangeError(`Unknown timezone "${settings.timezone}"`);
  requireInteger(settings.slotStepMinutes, "settings.slotStepMinutes", 1, 1440);
  requireInteger(settings.minNoticeMinutes, "settings.minNoticeMinutes", 0);
  requireInteger(settings.bookingHorizonDays, "settings.bookingHorizonDays", 0);
  if (!Number.isFinite(input.now)) throw new RangeError(`now must be a finite instant, got ${input.now}`);
  for (const member of input.staff) {
    for (const interval of member.workingHours) {
      const where = `workingHours of staff ${member.staffId}`;
      requireInteger(interval.weekday, `${where}: weekday`, 1, 7);
      requireInteger(interval.startMinute, `${where}: startMinute`, 0, 1440);
      requireInteger(interval.endMinute, `${where}: endMinute`, 0, 1440);
    }
  }
}

function validate(input: Omit<AvailabilityInput, "range">): void {
  validateCommon(input);
  const { service } = input;
  requireInteger(service.durationMinutes, "service.durationMinutes", 1);
  requireInteger(service.bufferBeforeMinutes, "service.bufferBeforeMinutes", 0);
  requireInteger(service.bufferAfterMinutes, "service.bufferAfterMinutes", 0);
}

/** What every stylist shares in one computation: the window of starts and the salon's local days. */
type Context = {
  earliest: number; // first allowed start
  latest: number; // last allowed start (inclusive)
  stepMs: number;
  durationMs: number;
  beforeMs: number;
  afterMs: number;
  segments: OffsetSegment[];
  days: LocalDay[];
};

export type LocalDay = { wallMidnight: number; weekday: number; date: string };

export function localDays(segments: OffsetSegment[], from: number, until: number): LocalDay[] {
  const wallOf = (instant: number) => instant + segments[segmentIndexAt(segments, instant)]!.offsetMs;
  const firstDay = Math.floor(wallOf(from) / DAY_MS);
  const lastDay = Math.floor(wallOf(until - 1) / DAY_MS);
  const days: LocalDay[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    // 1970-01-01 (day 0) was a Thursday, ISO weekday 4.
    const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
    days.push({ wallMidnight: day * DAY_MS, weekday, date: new Date(day * DAY_MS).toISOString().slice(0, 10) });
  }
  return days;
}

function buildContext(input: AvailabilityInput): Context | undefined {
  validate(input);
  const { settings, service, range, now } = input;
  const earliest = Math.max(range.from, now + settings.minNoticeMinutes * MINUTE_MS);
  const until = Math.min(range.until, now + settings.bookingHorizonDays * DAY_MS);
  if (!(until > earliest)) return undefined;
  const stepMs = settings.slotStepMinutes * MINUTE_MS;
  // Two days of margin either side cover any offset and any interval reaching midnight.
  const segments = buildOffsetTimeline(settings.timezone, earliest - 2 * DAY_MS, until + 2 * DAY_MS);
  return {
    earliest,
    latest: Math.ceil(until) - 1,
    stepMs,
    durationMs: service.durationMinutes * MINUTE_MS,
    beforeMs: service.bufferBeforeMinutes * MINUTE_MS,
    afterMs: service.bufferAfterMinutes * MINUTE_MS,
    segments,
    days: localDays(segments, earliest, until),
  };
}

/** One occurrence of a working interval, as instants. */
export type Shift = { from: number; until: number };

export function shiftsOf(member: Pick<StaffAvailabilityInput, "workingHours">, context: Pick<Context, "days" | "segments">): Shift[] {
  const intervals = member.workingHours
    .filter((interval) => interval.endMinute > interval.startMinute)
    .sort((a, b) => a.startMinute - b.startMinute);
  const shifts: Shift[] = [];
  for (const day of context.days) {
    for (const interval of intervals) {
      if (interval.weekday !== day.weekday) continue;
      const from = firstInstantAtWall(context.segments, day.wallMidnight + interval.startMinute * MINUTE_MS);
      const until = firstInstantAtWall(context.segments, day.wallMidnight + interval.endMinute * MINUTE_MS);
      if (until > from) shifts.push({ from, until });
    }
  }
  return shifts;
}

/**
 * Calls `emit` for every start in [first, last] whose local minute of day is a multiple of the step.
 * Within one offset segment and one local day the aligned starts are an arithmetic progression in real
 * time, so only the piece boundaries need any thought.
 */
export type SweepHint = { segment: number; wallMidnight: number; date: string };

export function stepOut(
  segments: OffsetSegment[],
  stepMs: number,
  first: number,
  last: number,
  hint: SweepHint,
  emit: (start: number, localDate: string, localTime: string) => void,
): void {
  let cursor = first;
  while (cursor <= last) {
    hint.segment = segmentIndexAt(segments, cursor, hint.segment);
    const segment = segments[hint.segment]!;
    const offset = segment.offsetMs;
    const wall = cursor + offset;
    const wallMidnight = Math.floor(wall / DAY_MS) * DAY_MS;
    const pieceLast = Math.min(last, segment.until - 1, wallMidnight + DAY_MS - offset - 1);
    let start = wallMidnight + Math.ceil((wall - wallMidnight) / stepMs) * stepMs - offset;
    if (start <= pieceLast) {
      if (hint.wallMidnight !== wallMidnight) {
        // Many free gaps share a day: format its date once.
        hint.wallMidnight = wallMidnight;
        hint.date = new Date(wallMidnight).toISOString().slice(0, 10);
      }
      const date = hint.date;
      for (; start <= pieceLast; start += stepMs) {
        emit(start, date, LOCAL_TIMES[Math.floor((start + offset - wallMidnight) / MINUTE_MS)]!);
      }
    }
    cursor = pieceLast + 1;
  }
}

export type BlockTiming = { beforeMs: number; durationMs: number; afterMs: number };

/**
 * Calls `emit(first, last)` for each run of starts s in [earliest, latest] at which [s - before,
 * s + duration + after) lies inside one shift and clear of every `blocked` range (sorted, disjoint).
 * Shifts come in time order, so the first blocked range that can touch one only moves forward.
 */
export function forEachFreeStartRun(
  shifts: readonly Shift[],
  blocked: readonly InstantRange[],
  timing: BlockTiming,
  earliest: number,
  latest: number,
  emit: (first: number, last: number) => void,
): void {
  const { beforeMs, durationMs, afterMs } = timing;
  let pointer = 0;
  for (const shift of shifts) {
    while (pointer < blocked.length && blocked[pointer]!.until <= shift.from) pointer++;
    let freeFrom = shift.from;
    for (let i = pointer; freeFrom < shift.until; i++) {
      const block = blocked[i];
      const freeUntil = block && block.from < shift.until ? block.from : shift.until;
      const first = Math.max(freeFrom + beforeMs, earliest);
      const last = Math.min(freeUntil - durationMs - afterMs, latest);
      if (first <= last) emit(first, last);
      if (!block || block.from >= shift.until) break;
      freeFrom = Math.max(freeFrom, block.until);
    }
  }
}

function slotsFor(member: StaffAvailabilityInput, blocked: InstantRange[], context: Context): Slot[] {
  const { durationMs, earliest, latest, segments, stepMs } = context;
  const slots: Slot[] = [];
  const hint: SweepHint = { segment: 0, wallMidnight: Number.NaN, date: "" };
  const shifts = shiftsOf(member, context);
  let ordered = true;
  let previousShiftEnd = -Infinity;
  for (const shift of shifts) {
    if (shift.from < previousShiftEnd) ordered = false; // overlapping intervals: starts may repeat
    previousShiftEnd = Math.max(previousShiftEnd, shift.until);
  }
  const push = (start: number, localDate: string, localTime: string) =>
    slots.push({ startsAt: start, endsAt: start + durationMs, staffId: member.staffId, localDate, localTime });
  forEachFreeStartRun(shifts, blocked, context, earliest, latest, (first, last) => stepOut(segments, stepMs, first, last, hint, push));
  if (ordered) return slots;
  slots.sort((a, b) => a.startsAt - b.startsAt);
  return slots.filter((slot, index) => index === 0 || slot.startsAt !== slots[index - 1]!.startsAt);
}

/**
 * One slot per start instant, given to the stylist with the fewest booked minutes (busy ranges, buffers
 * included, overlapping that local day); ties go to the earlier stylist in display order.
 */
function assignAnyStaff(
  staff: readonly StaffAvailabilityInput[],
  byStaff: Map<string, Slot[]>,
  mergedBusy: Map<string, InstantRange[]>,
  segments: OffsetSegment[],
): Slot[] {
  const all: { slot: Slot; order: number }[] = [];
  staff.forEach((member, order) => {
    for (const slot of byStaff.get(member.staffId) ?? []) all.push({ slot, order });
  });
  all.sort((a, b) => a.slot.startsAt - b.slot.startsAt || a.order - b.order);
  const bookedMs = new Map<string, number>(); // key: staffId|localDate
  const booked = (slot: Slot): number => {
    const key = `${slot.staffId}|${slot.localDate}`;
    let total = bookedMs.get(key);
    if (total === undefined) {
      const wallMidnight = Date.parse(`${slot.localDate}T00:00:00Z`);
      const dayStart = firstInstantAtWall(segments, wallMidnight);
      const dayEnd = firstInstantAtWall(segments, wallMidnight + DAY_MS);
      total = overlapMs(mergedBusy.get(slot.staffId) ?? [], dayStart, dayEnd);
      bookedMs.set(key, total);
    }
    return total;
  };
  const anyStaff: Slot[] = [];
  for (let i = 0; i < all.length;) {
    let best = all[i]!.slot;
    let j = i + 1;
    // Candidates for one instant arrive in display order, so a strict "<" keeps the earlier stylist on ties.
    for (; j < all.length && all[j]!.slot.startsAt === best.startsAt; j++) {
      const candidate = all[j]!.slot;
      if (booked(candidate) < booked(best)) best = candidate;
    }
    anyStaff.push(best);
    i = j;
  }
  return anyStaff;
}

export function computeAvailability(input: AvailabilityInput): { byStaff: Map<string, Slot[]>; anyStaff: Slot[] } {
  const context = buildContext(input);
  const byStaff = new Map<string, Slot[]>();
  if (!context) {
    for (const member of input.staff) byStaff.set(member.staffId, []);
    return { byStaff, anyStaff: [] };
  }
  const mergedBusy = new Map<string, InstantRange[]>();
  for (const member of input.staff) {
    const busy = mergeSorted(sortedNonEmpty(member.busy), []);
    mergedBusy.set(member.staffId, busy);
    const blocked = mergeSorted(busy, sortedNonEmpty(member.timeOff));
    byStaff.set(member.staffId, slotsFor(member, blocked, context));
  }
  const anyStaff =
    input.staff.length === 1
      ? [...(byStaff.get(input.staff[0]!.staffId) ?? [])]
      : assignAnyStaff(input.staff, byStaff, mergedBusy, context.segments);
  return { byStaff, anyStaff };
}

/** Whether one start is bookable for one stylist: the same computation over a one-instant range. */
export function isSlotAvailable(input: Omit<AvailabilityInput, "range">, staffId: string, startsAt: number): boolean {
  const member = input.staff.find((candidate) => candidate.staffId === staffId);
  if (!member || !Number.isFinite(startsAt)) return false;
  const { byStaff } = computeAvailability({ ...input, staff: [member], range: { from: startsAt, until: startsAt + 1 } });
  return (byStaff.get(staffId) ?? []).some((slot) => slot.startsAt === startsAt);
}
