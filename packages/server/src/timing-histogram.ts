import type { Registry } from 'prom-client';

interface Series {
  /** Observations per bucket (not cumulative; the last one is +Inf). */
  counts: Float64Array;
  sum: number;
  count: number;
}

/**
 * A Prometheus histogram with one label, for the hot path: an observation is a bucket search
 * and three additions (prom-client's validates, converts and hashes its labels every time,
 * which per action and per FLOW_ACK cost more than the numbers told). The exposition is
 * prom-client's own, from the same registry.
 */
export class TimingHistogram<L extends string, V extends string> {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly series = new Map<V, Series>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly label: L,
    private readonly buckets: readonly number[],
    registry: Registry,
  ) {
    registry.registerMetric(this as never);
  }

  observe(labels: Record<L, V>, value: number): void {
    const key = labels[this.label];
    let series = this.series.get(key);
    if (!series) {
      series = { counts: new Float64Array(this.buckets.length + 1), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    let bucket = 0;
    while (bucket < this.buckets.length && value > (this.buckets[bucket] as number)) bucket++;
    (series.counts[bucket] as number)++;
    series.sum += value;
    series.count++;
  }

  /** What prom-client's registry reads to expose it (the shape of its own histograms). */
  get() {
    const values: { metricName: string; labels: Record<string, string | number>; value: number }[] =
      [];
    for (const [key, series] of this.series) {
      let cumulative = 0;
      [...this.buckets, '+Inf' as const].forEach((le, index) => {
        cumulative += series.counts[index] as number;
        values.push({
          metricName: `${this.name}_bucket`,
          labels: { le, [this.label]: key },
          value: cumulative,
        });
      });
      const labels = { [this.label]: key };
      values.push({ metricName: `${this.name}_sum`, labels, value: series.sum });
      values.push({ metricName: `${this.name}_count`, labels, value: series.count });
    }
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      values,
      aggregator: this.aggregator,
    };
  }

  /** Forgets every observation (prom-client's registry calls this on `resetMetrics`). */
  reset(): void {
    this.series.clear();
  }
}
