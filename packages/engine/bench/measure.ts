import { pathToFileURL } from 'node:url';

/** Small timing helpers shared by the benchmark files (benchmarks print, tests never time). */
export interface Timing {
  perSecond: number;
  p50Micros: number;
  p99Micros: number;
}

/** Runs `fn` `samples` times after a warm-up and reports throughput and per-call percentiles. */
export function measure(fn: () => void, samples = 10_000, warmup = 1_000): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const durations = new Float64Array(samples);
  const start = performance.now();
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    fn();
    durations[i] = performance.now() - t0;
  }
  const total = performance.now() - start;
  durations.sort();
  return {
    perSecond: Math.round((samples / total) * 1000),
    p50Micros: round((durations[Math.floor(samples * 0.5)] ?? 0) * 1000),
    p99Micros: round((durations[Math.floor(samples * 0.99)] ?? 0) * 1000),
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** True when a benchmark file is run directly rather than imported by bench/run.ts. */
export const isMain = (moduleUrl: string) =>
  process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href;
