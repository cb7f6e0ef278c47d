import { offsetMinutesAt } from "@/lib/time/zoned";

/**
 * The UTC offsets of one timezone over a window, as consecutive segments. Built with a handful of Intl
 * calls per window so the availability sweep can convert between instants and wall-clock time with plain
 * integer arithmetic (Intl costs microseconds per call; a month of slots would call it thousands of times).
 */
export type OffsetSegment = { from: number; until: number; offsetMs: number };

const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
// No timezone changes its offset twice within 12 hours, so sampling at this period finds every transition.
const SAMPLE_MS = 12 * 3_600_000;

// Offsets at sample points and the transitions found between them never change: memoise them so repeated
// computations (every page view asks for the same weeks) skip Intl entirely. Bounded to stay small.
const offsetCache = new Map<string, number>();
const transitionCache = new Map<string, number>();
const CACHE_LIMIT = 20_000;

function cachedOffsetMs(timeZone: string, instant: number): number {
  const key = `${timeZone}|${instant}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    if (offsetCache.size >= CACHE_LIMIT) offsetCache.clear();
    offset = offsetMinutesAt(instant, timeZone) * MINUTE_MS;
    offsetCache.set(key, offset);
  }
  return offset;
}

/** First whole minute in (low, high] whose offset differs from the offset at `low` (binary search). */
function transitionBetween(timeZone: string, low: number, high: number): number {
  const key = `${timeZone}|${low}`;
  const cached = transitionCache.get(key);
  if (cached !== undefined) return cached;
  const before = offsetMinutesAt(low, timeZone);
  let lo = low / MINUTE_MS; // last minute known to have the old offset
  let hi = high / MINUTE_MS; // a minute known to have a different offset
  while (hi - lo > 1) {
    const middle = Math.floor((lo + hi) / 2);
    if (offsetMinutesAt(middle * MINUTE_MS, timeZone) === before) lo = middle;
    else hi = middle;
  }
  if (transitionCache.size >= CACHE_LIMIT) transitionCache.clear();
  transitionCache.set(key, hi * MINUTE_MS);
  return hi * MINUTE_MS;
}

/** Offset segments covering [from, until); the first starts at -Infinity and the last ends at +Infinity. */
export function buildOffsetTimeline(timeZone: string, from: number, until: number): OffsetSegment[] {
  const first = Math.floor(from / SAMPLE_MS) * SAMPLE_MS;
  const segments: OffsetSegment[] = [{ from: -Infinity, until: Infinity, offsetMs: cachedOffsetMs(timeZone, first) }];
  for (let sample = first; sample < until; sample += SAMPLE_MS) {
    const current = segments[segments.length - 1]!;
    const next = cachedOffsetMs(timeZone, sample + SAMPLE_MS);
    if (next === current.offsetMs) continue;
    const at = transitionBetween(timeZone, sample, sample + SAMPLE_MS);
    current.until = at;
    segments.push({ from: at, until: Infinity, offsetMs: next });
  }
  return segments;
}

/** Index of the segment containing `instant`, scanning forward from `hint` (callers move forward in time). */
export function segmentIndexAt(segments: readonly OffsetSegment[], instant: number, hint = 0): number {
  let index = Math.min(Math.max(hint, 0), segments.length - 1);
  while (index > 0 && instant < segments[index]!.from) index--;
  while (instant >= segments[index]!.until) index++;
  return index;
}

/**
 * The first instant at which the wall clock reads `wallMs` (wall-clock time written as if it were UTC) or
 * later. On a fall-back day that is the first of the two occurrences; inside a spring-forward gap it is the
 * instant the gap ends — the first moment the clock shows a time at or after the one asked for.
 */
export function firstInstantAtWall(segments: readonly OffsetSegment[], wallMs: number): number {
  for (const segment of segments) {
    const candidate = wallMs - segment.offsetMs;
    if (candidate >= segment.from && candidate < segment.until) return candidate;
    // Skipped by a forward jump at the start of this segment: the clock leaps past `wallMs` at `from`.
    if (segment.from > -Infinity && segment.from + segment.offsetMs > wallMs) return segment.from;
  }
  throw new RangeError("Wall-clock time outside the offset timeline");
}
