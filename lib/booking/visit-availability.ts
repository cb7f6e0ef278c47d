import { firstEndingAfter, mergeSorted, overlapMs, sortedNonEmpty, type InstantRange } from "@/lib/booking/intervals";
import { buildOffsetTimeline, DAY_MS, firstInstantAtWall } from "@/lib/booking/offset-timeline";
import {
  forEachFreeStartRun,
  localDays,
  requireInteger,
  shiftsOf,
  stepOut,
  validateCommon,
  type AvailabilityInput,
  type Shift,
  type StaffAvailabilityInput,
  type SweepHint,
} from "./availability";

/**
 * Start times at which a whole visit (1…5 services in order) fits, each with the stylist of every
 * segment. Pure, like computeAvailability, whose per-stylist sweep it reuses.
 *
 * Layout of a visit, given who does each segment:
 * - Segment n+1 starts when segment n ends, plus n's processing time (the client waits; its stylist is
 *   free then). A visit's last processing time is ignored: the visit ends with its last hands-on service.
 * - Between two consecutive segments of the same stylist the turnover is counted once: the larger of the
 *   buffers that apply inside a visit (`bufferInsideVisit`), held as the first segment's buffer after.
 *   The next segment then starts after the larger of that turnover and the processing time.
 * - Every other buffer applies in full. Each segment's blocked range must lie inside one working interval
 *   of its stylist, clear of their busy time and time off — and of the visit's own other segments.
 * - The salon's rules (notice, horizon, slot grid, the asked range) apply to the visit's start.
 *
 * "Anyone" for a segment tries, in order, the previous segment's stylist (the client keeps their chair),
 * then the candidates by fewest busy minutes on the visit's local day (ties: display order). The first
 * assignment in that order that fits is the one offered; `sameStylist` asks for one stylist throughout.
 */

export type VisitServiceTiming = {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  processingMinutes: number;
  bufferInsideVisit: boolean;
};

export type VisitAvailabilityInput = Pick<AvailabilityInput, "settings" | "range" | "now"> & {
  services: VisitServiceTiming[];
  /** Per service, the stylists who may do it, in display order (one id when the customer chose). */
  candidates: string[][];
  sameStylist: boolean;
  /** In the salon's display order. */
  staff: StaffAvailabilityInput[];
};

export type VisitSegmentSlot = {
  staffId: string;
  startsAt: number;
  endsAt: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
};

export type VisitSlot = { startsAt: number; endsAt: number; localDate: string; localTime: string; segments: VisitSegmentSlot[] };

export const MAX_VISIT_SEGMENTS = 5;
const MINUTE_MS = 60_000;

/** The buffers and the gap to the next segment of segment `i`, given whether its neighbours share its stylist. */
export function segmentTiming(services: readonly VisitServiceTiming[], i: number, sameAsPrevious: boolean, sameAsNext: boolean) {
  const service = services[i]!;
  const next = services[i + 1];
  const bufferBeforeMinutes = sameAsPrevious ? 0 : service.bufferBeforeMinutes;
  const turnover =
    next && sameAsNext
      ? Math.max(service.bufferInsideVisit ? service.bufferAfterMinutes : 0, next.bufferInsideVisit ? next.bufferBeforeMinutes : 0)
      : service.bufferAfterMinutes;
  const gapMinutes = next === undefined ? 0 : sameAsNext ? Math.max(service.processingMinutes, turnover) : service.processingMinutes;
  return { bufferBeforeMinutes, bufferAfterMinutes: turnover, gapMinutes };
}

/**
 * The segments of a visit starting at `startsAt` with `staffIds` doing them, or null when two of its
 * own segments would block the same stylist at once. Shared by the engine, the booking core and tests.
 */
export function layoutVisit(
  services: readonly VisitServiceTiming[],
  staffIds: readonly string[],
  startsAt: number,
): VisitSegmentSlot[] | null {
  const segments: VisitSegmentSlot[] = [];
  let cursor = startsAt;
  for (let i = 0; i < services.length; i++) {
    const staffId = staffIds[i]!;
    const timing = segmentTiming(services, i, i > 0 && staffIds[i - 1] === staffId, staffIds[i + 1] === staffId);
    const endsAt = cursor + services[i]!.durationMinutes * MINUTE_MS;
    segments.push({
      staffId,
      startsAt: cursor,
      endsAt,
      bufferBeforeMinutes: timing.bufferBeforeMinutes,
      bufferAfterMinutes: timing.bufferAfterMinutes,
    });
    cursor = endsAt + timing.gapMinutes * MINUTE_MS;
  }
  return selfOverlapping(segments) ? null : segments;
}

export const blockedOf = (segment: VisitSegmentSlot): InstantRange => ({
  from: segment.startsAt - segment.bufferBeforeMinutes * MINUTE_MS,
  until: segment.endsAt + segment.bufferAfterMinutes * MINUTE_MS,
});

function selfOverlapping(segments: readonly VisitSegmentSlot[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      if (segments[i]!.staffId !== segments[j]!.staffId) continue;
      const a = blockedOf(segments[i]!);
      const b = blockedOf(segments[j]!);
      if (a.from < b.until && b.from < a.until) return true;
    }
  }
  return false;
}

function validateVisit(input: VisitAvailabilityInput): void {
  validateCommon(input);
  const count = input.services.length;
  if (count < 1 || count > MAX_VISIT_SEGMENTS) throw new RangeError(`A visit has 1 to ${MAX_VISIT_SEGMENTS} services, got ${count}`);
  if (input.candidates.length !== count) throw new RangeError(`candidates must list stylists for each of the ${count} services`);
  input.services.forEach((service, i) => {
    requireInteger(service.durationMinutes, `services[${i}].durationMinutes`, 1);
    requireInteger(service.bufferBeforeMinutes, `services[${i}].bufferBeforeMinutes`, 0);
    requireInteger(service.bufferAfterMinutes, `services[${i}].bufferAfterMinutes`, 0);
    requireInteger(service.processingMinutes, `services[${i}].processingMinutes`, 0);
  });
}

type Member = { staffId: string; shifts: Shift[]; blocked: InstantRange[]; busy: InstantRange[] };

export function computeVisitAvailability(input: VisitAvailabilityInput): VisitSlot[] {
  validateVisit(input);
  const { settings, services, range, now } = input;
  const count = services.length;
  const earliest = Math.max(range.from, now + settings.minNoticeMinutes * MINUTE_MS);
  const until = Math.min(range.until, now + settings.bookingHorizonDays * DAY_MS);
  if (!(until > earliest)) return [];
  const latest = Math.ceil(until) - 1;
  // The longest a visit can last: every buffer, duration and processing time end to end.
  const spanMs = services.reduce(
    (total, s) => total + (s.bufferBeforeMinutes + s.durationMinutes + s.bufferAfterMinutes + s.processingMinutes) * MINUTE_MS,
    0,
  );
  const timeline = buildOffsetTimeline(settings.timezone, earliest - 2 * DAY_MS, until + spanMs + 2 * DAY_MS);
  const days = localDays(timeline, earliest - DAY_MS, until + spanMs + DAY_MS);

  const members: Member[] = input.staff.map((member) => {
    const busy = mergeSorted(sortedNonEmpty(member.busy), []);
    return {
      staffId: member.staffId,
      shifts: shiftsOf(member, { days, segments: timeline }),
      blocked: mergeSorted(busy, sortedNonEmpty(member.timeOff)),
      busy,
    };
  });
  const indexOf = new Map(members.map((member, index) => [member.staffId, index]));
  const candidates = input.candidates.map((list) => list.flatMap((staffId) => indexOf.get(staffId) ?? []));
  if (input.sameStylist) {
    const everywhere = candidates[0]!.filter((member) => candidates.every((list) => list.includes(member)));
    candidates.fill(everywhere);
  }

  // Runs of allowed starts per (segment, stylist, neighbour pattern), built on first use. The first
  // segment's runs are cut to the allowed visit starts; the others are not (only the visit's start is).
  const runCache: (InstantRange[] | undefined)[] = new Array(count * members.length * 4);
  const runsFor = (i: number, member: number, sameAsPrevious: boolean, sameAsNext: boolean): InstantRange[] => {
    const key = ((i * members.length + member) * 2 + +sameAsPrevious) * 2 + +sameAsNext;
    let runs = runCache[key];
    if (runs === undefined) {
      const { shifts, blocked } = members[member]!;
      const timing = segmentTiming(services, i, sameAsPrevious, sameAsNext);
      const out: InstantRange[] = [];
      forEachFreeStartRun(
        shifts,
        blocked,
        {
          beforeMs: timing.bufferBeforeMinutes * MINUTE_MS,
          durationMs: services[i]!.durationMinutes * MINUTE_MS,
          afterMs: timing.bufferAfterMinutes * MINUTE_MS,
        },
        i === 0 ? earliest : -Infinity,
        i === 0 ? latest : Infinity,
        (first, last) => out.push({ from: first, until: last + 1 }),
      );
      runs = runCache[key] = out;
    }
    return runs;
  };
  const fits = (i: number, member: number, sameAsPrevious: boolean, sameAsNext: boolean, start: number): boolean => {
    const runs = runsFor(i, member, sameAsPrevious, sameAsNext);
    const index = firstEndingAfter(runs, start);
    return index < runs.length && runs[index]!.from <= start;
  };

  // Candidates per segment ranked for one local day: fewest busy minutes, then display order.
  const rankedByDay = new Map<string, number[][]>();
  const rankedFor = (localDate: string): number[][] => {
    let ranked = rankedByDay.get(localDate);
    if (ranked === undefined) {
      const wallMidnight = Date.parse(`${localDate}T00:00:00Z`);
      const dayStart = firstInstantAtWall(timeline, wallMidnight);
      const dayEnd = firstInstantAtWall(timeline, wallMidnight + DAY_MS);
      const load = members.map((member) => overlapMs(member.busy, dayStart, dayEnd));
      ranked = candidates.map((list) => [...list].sort((a, b) => load[a]! - load[b]! || a - b));
      rankedByDay.set(localDate, ranked);
    }
    return ranked;
  };

  const staffOf = new Array<number>(count);
  const startOf = new Array<number>(count);
  const sameOf = new Array<boolean>(count);
  let found: VisitSegmentSlot[] | null = null;
  // Depth-first over the stylist of each segment in preference order; segment i - 1 is checked once the
  // choice for segment i tells whether they share a stylist (which sets its buffer after and the gap).
  const place = (ranked: number[][], i: number, visitStart: number): boolean => {
    const previous = i > 0 ? staffOf[i - 1]! : -1;
    const list = ranked[i]!;
    const order = previous >= 0 && list.includes(previous) ? [previous, ...list.filter((member) => member !== previous)] : list;
    for (const member of order) {
      const same = member === previous;
      let start = visitStart;
      if (i > 0) {
        if (!fits(i - 1, previous, sameOf[i - 1]!, same, startOf[i - 1]!)) continue;
        start =
          startOf[i - 1]! +
          (services[i - 1]!.durationMinutes + segmentTiming(services, i - 1, sameOf[i - 1]!, same).gapMinutes) * MINUTE_MS;
      }
      staffOf[i] = member;
      startOf[i] = start;
      sameOf[i] = same;
      if (i < count - 1) {
        if (place(ranked, i + 1, visitStart)) return true;
        continue;
      }
      if (!fits(i, member, same, false, start)) continue;
      found = layoutVisit(
        services,
        staffOf.map((index) => members[index]!.staffId),
        visitStart,
      );
      if (found) return true;
    }
    return false;
  };

  // Starts where the first segment alone fits for some stylist: the only candidates worth a search.
  const firstRuns = candidates[0]!.flatMap((member) => [false, true].flatMap((sameAsNext) => runsFor(0, member, false, sameAsNext)));
  const starts = mergeSorted(sortedNonEmpty(firstRuns), []);
  const slots: VisitSlot[] = [];
  const hint: SweepHint = { segment: 0, wallMidnight: Number.NaN, date: "" };
  for (const run of starts) {
    stepOut(timeline, settings.slotStepMinutes * MINUTE_MS, run.from, run.until - 1, hint, (start, localDate, localTime) => {
      found = null;
      if (!place(rankedFor(localDate), 0, start) || !found) return;
      const segmentsOfVisit: VisitSegmentSlot[] = found;
      slots.push({ startsAt: start, endsAt: segmentsOfVisit[count - 1]!.endsAt, localDate, localTime, segments: segmentsOfVisit });
    });
  }
  return slots;
}
