/** Latency samples in milliseconds, kept compactly, summarised by percentile at the end. */
export class LatencySamples {
  private values = new Float64Array(1024);
  private length = 0;

  get count(): number {
    return this.length;
  }

  add(ms: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = ms;
  }

  /** Nearest-rank percentiles (p in (0, 100]); null when there are no samples. */
  percentiles(ps: readonly number[]): (number | null)[] {
    const sorted = this.values.slice(0, this.length).sort();
    return ps.map((p) => percentile(sorted, p));
  }
}

/** The nearest-rank percentile of ascending `sorted`: the smallest value with p% at or below it. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}
