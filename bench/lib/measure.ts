/**
 * Timing for micro-benchmarks: warm up first (so the JIT has compiled the hot path), then time many
 * samples and report the median, which ignores the odd garbage-collection pause that skews a mean.
 */
export type Measurement = { medianMs: number; minMs: number; p90Ms: number; samples: number; callsPerSample: number };

export type MeasureOptions = {
  /** Untimed calls before sampling. */
  warmupCalls?: number;
  /** Stop sampling once this many samples exist and `minTotalMs` has passed. */
  minSamples?: number;
  maxSamples?: number;
  minTotalMs?: number;
  /** Target duration of one sample: fast functions are called several times per sample so the clock's resolution does not dominate. */
  targetSampleMs?: number;
};

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

// Results are kept reachable so the optimiser cannot drop a call whose value is never used.
let sink: unknown;
export const lastResult = () => sink;

export function measure(fn: () => unknown, options: MeasureOptions = {}): Measurement {
  const { warmupCalls = 20, minSamples = 30, maxSamples = 2_000, minTotalMs = 1_000, targetSampleMs = 2 } = options;
  let warmupMs = 0;
  for (let i = 0; i < warmupCalls; i++) {
    const started = performance.now();
    sink = fn();
    warmupMs = performance.now() - started;
  }
  const callsPerSample = Math.max(1, Math.round(targetSampleMs / Math.max(warmupMs, 0.001)));
  const perCall: number[] = [];
  const begun = performance.now();
  while (perCall.length < maxSamples && (perCall.length < minSamples || performance.now() - begun < minTotalMs)) {
    const started = performance.now();
    for (let i = 0; i < callsPerSample; i++) sink = fn();
    perCall.push((performance.now() - started) / callsPerSample);
  }
  const sorted = [...perCall].sort((a, b) => a - b);
  return { medianMs: median(perCall), minMs: sorted[0]!, p90Ms: quantile(sorted, 0.9), samples: perCall.length, callsPerSample };
}
