/**
 * The value of an unlabelled sample in Prometheus text exposition format, e.g.
 * `process_cpu_seconds_total 12.5`; null when the metric is absent.
 */
export function sampleValue(exposition: string, name: string): number | null {
  for (const line of exposition.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    // `name 1.5` or `name 1.5 1700000000000` (with a timestamp); not `name_other` or `name{...}`.
    const match = /^ +([^ ]+)/.exec(rest);
    if (!match) continue;
    const value = Number(match[1]);
    if (!Number.isNaN(value)) return value;
  }
  return null;
}

export interface ServerUsage {
  cpuSeconds: number | null;
  rssBytes: number | null;
}

/** Reads the server's own CPU time and resident memory from its /metrics. */
export async function readServerUsage(baseUrl: string): Promise<ServerUsage> {
  try {
    const token = process.env.METRICS_TOKEN;
    const response = await fetch(new URL('/metrics', baseUrl), {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    if (!response.ok) return { cpuSeconds: null, rssBytes: null };
    const text = await response.text();
    return {
      cpuSeconds: sampleValue(text, 'process_cpu_seconds_total'),
      rssBytes: sampleValue(text, 'process_resident_memory_bytes'),
    };
  } catch {
    return { cpuSeconds: null, rssBytes: null };
  }
}
