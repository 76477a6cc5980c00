import type { ChildResult } from './load-child.ts';

export type System = 'bgio' | 'postgres' | 'pglite';

export interface Scenario {
  name: 'saturated' | 'paced-many' | 'paced-few';
  matches: number;
  thinkMs: number;
  durationS: number;
}

export interface Measured {
  system: System;
  scenario: Scenario['name'];
  result: ChildResult;
}

const TITLES: Record<System, string> = {
  bgio: 'boardgame.io 0.50 (memory)',
  postgres: 'Cardtable, PostgreSQL',
  pglite: 'Cardtable, PGlite',
};

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

interface Row {
  label: string;
  /** The figure of one run (null when it has none). */
  figure(result: ChildResult): number | null;
  format(value: number): string;
  /** An extra figure shown beside it for PostgreSQL (its own CPU). */
  postgresExtra?(result: ChildResult): number | null;
}

const perSecond = (r: ChildResult) => r.actions / r.seconds;
const usPerAction = (seconds: number, r: ChildResult) =>
  r.actions > 0 ? (seconds * 1e6) / r.actions : null;
const thousands = (v: number) => Math.round(v).toLocaleString('en-US');

const ROWS: Record<Scenario['name'], Row[]> = {
  saturated: [
    { label: 'actions/s', figure: perSecond, format: thousands },
    {
      label: 'server CPU per action',
      figure: (r) => usPerAction(r.serverCpuSeconds, r),
      format: (v) => `${thousands(v)} us`,
      postgresExtra: (r) => usPerAction(r.postgresCpuSeconds, r),
    },
    { label: 'p95', figure: (r) => r.latencyMs.p95, format: (v) => `${v.toFixed(1)} ms` },
  ],
  'paced-many': [
    { label: 'p95', figure: (r) => r.latencyMs.p95, format: (v) => `${v.toFixed(1)} ms` },
    { label: 'actions/s', figure: perSecond, format: thousands },
  ],
  'paced-few': [
    { label: 'p95', figure: (r) => r.latencyMs.p95, format: (v) => `${v.toFixed(1)} ms` },
    { label: 'RSS', figure: (r) => r.peakRssBytes / 2 ** 20, format: (v) => `${thousands(v)} MiB` },
  ],
};

/** The table: one row per scenario and figure, medians per system, Cardtable/anchor ratios. */
export function formatComparison(
  results: readonly Measured[],
  scenarios: readonly Scenario[],
): string {
  const systems: System[] = ['bgio', 'postgres', 'pglite'];
  const header = [
    'scenario',
    ...systems.map((s) => TITLES[s]),
    'PostgreSQL / bgio',
    'PGlite / bgio',
  ];
  const lines: string[][] = [];
  for (const scenario of scenarios) {
    const runs = (system: System) =>
      results
        .filter((m) => m.system === system && m.scenario === scenario.name)
        .map((m) => m.result);
    const think = scenario.thinkMs === 0 ? 'think 0' : `think ${scenario.thinkMs / 1000} s`;
    for (const row of ROWS[scenario.name]) {
      const medians = systems.map((system) =>
        median(
          runs(system).flatMap((r) => {
            const v = row.figure(r);
            return v === null ? [] : [v];
          }),
        ),
      );
      const cells = systems.map((system, i) => {
        const value = medians[i];
        if (value === null || value === undefined) return '-';
        const extra =
          system === 'postgres' && row.postgresExtra
            ? median(
                runs(system).flatMap((r) => {
                  const v = row.postgresExtra?.(r) ?? null;
                  return v === null ? [] : [v];
                }),
              )
            : null;
        return extra === null
          ? row.format(value)
          : `${row.format(value)} + ${row.format(extra)} in PostgreSQL`;
      });
      const anchor = medians[0];
      const ratio = (value: number | null | undefined) =>
        value === null || value === undefined || !anchor ? '-' : `${(value / anchor).toFixed(2)}x`;
      lines.push([
        `${scenario.matches} matches, ${think}: ${row.label}`,
        ...cells,
        ratio(medians[1]),
        ratio(medians[2]),
      ]);
    }
  }
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((l) => (l[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...lines.map(line)].join('\n');
}
