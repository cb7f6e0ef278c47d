/**
 * Half-open instant ranges [from, until) in epoch milliseconds, and the few linear operations the
 * availability sweep needs. Kept apart from availability.ts so the sweep reads as the algorithm only.
 */
export type InstantRange = { from: number; until: number };

/** Ranges that are not empty, sorted by start. Skips the sort when the caller already sorted (the usual case). */
export function sortedNonEmpty(ranges: readonly InstantRange[]): InstantRange[] {
  const kept: InstantRange[] = [];
  let sorted = true;
  for (const range of ranges) {
    if (!(range.until > range.from)) continue; // empty or NaN: blocks nothing
    const previous = kept[kept.length - 1];
    if (previous && range.from < previous.from) sorted = false;
    kept.push(range);
  }
  return sorted ? kept : sortByStart(kept);
}

const byStart = (a: InstantRange, b: InstantRange) => a.from - b.from;

/**
 * Sorts by start in expected linear time: a counting pass spreads the ranges over n buckets by start, and
 * an insertion sort repairs the few inversions left inside buckets. Appointments spread over weeks make
 * that cheap (a comparison sort of 5,000 objects costs more than the whole sweep); clustered input that
 * would make the repair quadratic falls back to the built-in sort after a bounded amount of work.
 */
function sortByStart(ranges: InstantRange[]): InstantRange[] {
  const n = ranges.length;
  if (n < 64) return ranges.sort(byStart);
  let min = Infinity;
  let max = -Infinity;
  for (const range of ranges) {
    if (range.from < min) min = range.from;
    if (range.from > max) max = range.from;
  }
  const scale = (n - 1) / (max - min);
  // All starts equal, or an open-ended range (±Infinity) that would defeat the bucket arithmetic.
  if (!Number.isFinite(min) || !Number.isFinite(max) || !Number.isFinite(scale)) return ranges.sort(byStart);
  const bucketOf = (range: InstantRange) => Math.min(n - 1, Math.floor((range.from - min) * scale));
  const next = new Int32Array(n + 1);
  for (const range of ranges) next[bucketOf(range) + 1]!++;
  for (let i = 1; i <= n; i++) next[i]! += next[i - 1]!;
  const out = new Array<InstantRange>(n);
  for (const range of ranges) out[next[bucketOf(range)]!++] = range;
  let moves = 0;
  for (let i = 1; i < n; i++) {
    const current = out[i]!;
    let j = i - 1;
    while (j >= 0 && out[j]!.from > current.from) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = current;
    moves += i - 1 - j;
    if (moves > 8 * n) return ranges.sort(byStart);
  }
  return out;
}

/**
 * Merges two start-sorted lists into one start-sorted list of disjoint, non-touching ranges.
 * Touching ranges are joined: a gap of zero length can hold no slot anyway.
 */
export function mergeSorted(a: readonly InstantRange[], b: readonly InstantRange[]): InstantRange[] {
  const merged: InstantRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const fromA = i < a.length ? a[i]!.from : Infinity;
    const fromB = j < b.length ? b[j]!.from : Infinity;
    const next = fromA <= fromB ? a[i++]! : b[j++]!;
    const last = merged[merged.length - 1];
    if (last && next.from <= last.until) {
      if (next.until > last.until) last.until = next.until;
    } else {
      merged.push({ from: next.from, until: next.until });
    }
  }
  return merged;
}

/** Index of the first range whose `until` is after `instant` (ranges disjoint and sorted), by binary search. */
export function firstEndingAfter(ranges: readonly InstantRange[], instant: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ranges[middle]!.until <= instant) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many milliseconds of the disjoint, sorted `ranges` fall inside [from, until). */
export function overlapMs(ranges: readonly InstantRange[], from: number, until: number): number {
  let total = 0;
  for (let i = firstEndingAfter(ranges, from); i < ranges.length; i++) {
    const range = ranges[i]!;
    if (range.from >= until) break;
    total += Math.min(range.until, until) - Math.max(range.from, from);
  }
  return total;
}
