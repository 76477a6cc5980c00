import { describe, expect, it } from 'vitest';
import { sampleValue } from '../src/load/prometheus.ts';
import { LatencySamples, percentile } from '../src/load/stats.ts';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('summarises samples given in any order, across buffer growth', () => {
    const samples = new LatencySamples();
    for (let i = 3000; i >= 1; i--) samples.add(i / 10);
    expect(samples.count).toBe(3000);
    expect(samples.percentiles([50, 99])).toEqual([150, 297]);
  });
});

describe('sampleValue', () => {
  const exposition = [
    '# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.',
    '# TYPE process_cpu_seconds_total counter',
    'process_cpu_seconds_total 12.5',
    'process_cpu_seconds_total_extra 99',
    'process_resident_memory_bytes{pid="1"} 5',
    'process_resident_memory_bytes 104857600 1700000000000',
  ].join('\n');

  it('reads an unlabelled sample, ignoring comments, longer names and labelled series', () => {
    expect(sampleValue(exposition, 'process_cpu_seconds_total')).toBe(12.5);
    expect(sampleValue(exposition, 'process_resident_memory_bytes')).toBe(104857600);
    expect(sampleValue(exposition, 'nodejs_heap_size_total_bytes')).toBeNull();
  });
});
