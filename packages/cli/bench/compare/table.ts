import type { ChildResult } from './load-child.ts';

export type System = 'bgio' | 'colyseus' | 'postgres' | 'pglite';

/** Every system, in the table's column order: the anchors first. */
export const SYSTEMS: readonly System[] = ['bgio', 'colyseus', 'postgres', 'pglite'];
const ANCHORS: readonly System[] = ['bgio', 'colyseus'];

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

/** The short names of the ratio columns. */
const SHORT: Record<System, string> = {
  bgio: 'bgio',
  colyseus: 'Colyseus',
  postgres: 'PostgreSQL',
  pglite: 'PGlite',
};

const TITLES: Record<System, string> = {
  bgio: 'boardgame.io 0.50 (memory)',
  colyseus: 'Colyseus 0.16 (memory)',
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

/**
 * The issue's table: one row per scenario and figure, a column of medians per system of
 * `systems` (in `SYSTEMS`' order), then a Cardtable/anchor ratio per pair of them.
 */
export function formatComparison(
  results: readonly Measured[],
  scenarios: readonly Scenario[],
  systems: readonly System[] = SYSTEMS,
): string {
  const columns = SYSTEMS.filter((system) => systems.includes(system));
  const ratios = ANCHORS.filter((anchor) => columns.includes(anchor)).flatMap((anchor) =>
    columns
      .filter((system) => !ANCHORS.includes(system))
      .map((system) => ({ system, anchor, title: `${SHORT[system]} / ${SHORT[anchor]}` })),
  );
  const header = ['scenario', ...columns.map((s) => TITLES[s]), ...ratios.map((r) => r.title)];
  const lines: string[][] = [];
  for (const scenario of scenarios) {
    const runs = (system: System) =>
      results
        .filter((m) => m.system === system && m.scenario === scenario.name)
        .map((m) => m.result);
    const medianOf = (system: System, figure: (r: ChildResult) => number | null) =>
      median(
        runs(system).flatMap((r) => {
          const v = figure(r);
          return v === null ? [] : [v];
        }),
      );
    const think = scenario.thinkMs === 0 ? 'think 0' : `think ${scenario.thinkMs / 1000} s`;
    for (const row of ROWS[scenario.name]) {
      const medians = new Map(columns.map((system) => [system, medianOf(system, row.figure)]));
      const cells = columns.map((system) => {
        const value = medians.get(system);
        if (value === null || value === undefined) return '-';
        const extra =
          system === 'postgres' && row.postgresExtra
            ? medianOf(system, (r) => row.postgresExtra?.(r) ?? null)
            : null;
        return extra === null
          ? row.format(value)
          : `${row.format(value)} + ${row.format(extra)} in PostgreSQL`;
      });
      const ratio = (value: number | null | undefined, anchor: number | null | undefined) =>
        value === null || value === undefined || !anchor ? '-' : `${(value / anchor).toFixed(2)}x`;
      lines.push([
        `${scenario.matches} matches, ${think}: ${row.label}`,
        ...cells,
        ...ratios.map((r) => ratio(medians.get(r.system), medians.get(r.anchor))),
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

/** `--systems bgio,colyseus`: the systems to run (all of them without it), in `SYSTEMS`' order. */
export function parseSystems(value: string | undefined): System[] {
  if (value === undefined) return [...SYSTEMS];
  const named = value.split(',').map((name) => name.trim());
  const unknown = named.filter((name) => !SYSTEMS.includes(name as System));
  if (unknown.length > 0 || named.length === 0)
    throw new Error(
      `--systems: unknown ${unknown.join(', ')} (one or more of ${SYSTEMS.join(',')})`,
    );
  return SYSTEMS.filter((system) => named.includes(system));
}
