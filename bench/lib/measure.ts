/**
 * Timing for micro-benchmarks: warm up first (so the JIT has compiled the hot path), then time many
 * samples and report medians, which ignore the odd garbage-collection pause that skews a mean.
 *
 * Each sample is timed twice: by the wall clock and by the process's CPU time. On a shared machine the
 * wall clock also counts the time other processes held the CPU (a load average of 10 on 2 cores makes it
 * several times too high and erratic); CPU time counts only this computation (plus any GC helper threads,
 * so it errs high), and on an idle machine the two agree.
 */
export type Stats = { median: number; p90: number; min: number };
export type Measurement = { wallMs: Stats; cpuMs: Stats; samples: number; callsPerSample: number };

export type MeasureOptions = {
  /** Untimed calls before sampling. */
  warmupCalls?: number;
  /** Stop sampling once this many samples exist and `minTotalMs` (wall clock) has passed. */
  minSamples?: number;
  maxSamples?: number;
  minTotalMs?: number;
  /** Target duration of one sample: fast functions run several times per sample so clock resolution does not dominate. */
  targetSampleMs?: number;
};

export function median(values: readonly number[]): number {
  return stats(values).median;
}

export function stats(values: readonly number[]): Stats {
  if (values.length === 0) return { median: Number.NaN, p90: Number.NaN, min: Number.NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return {
    median: sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2,
    p90: sorted[Math.min(sorted.length - 1, Math.floor(0.9 * sorted.length))]!,
    min: sorted[0]!,
  };
}

const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

// Results are kept reachable so the optimiser cannot drop a call whose value is never used.
let sink: unknown;
export const lastResult = () => sink;

export function measure(fn: () => unknown, options: MeasureOptions = {}): Measurement {
  const { warmupCalls = 20, minSamples = 30, maxSamples = 2_000, minTotalMs = 1_000, targetSampleMs = 2 } = options;
  let warmupCpuMs = Infinity;
  for (let i = 0; i < warmupCalls; i++) {
    const cpu = process.cpuUsage();
    sink = fn();
    warmupCpuMs = Math.min(warmupCpuMs, cpuMsSince(cpu));
  }
  const callsPerSample = Math.max(1, Math.round(targetSampleMs / Math.max(warmupCpuMs, 0.001)));
  const wall: number[] = [];
  const cpu: number[] = [];
  const begun = performance.now();
  while (wall.length < maxSamples && (wall.length < minSamples || performance.now() - begun < minTotalMs)) {
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    for (let i = 0; i < callsPerSample; i++) sink = fn();
    wall.push((performance.now() - wallStart) / callsPerSample);
    cpu.push(cpuMsSince(cpuStart) / callsPerSample);
  }
  return { wallMs: stats(wall), cpuMs: stats(cpu), samples: wall.length, callsPerSample };
}
