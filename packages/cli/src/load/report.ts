import type { LoadProgress, LoadReport } from './run.ts';

const fixed = (value: number | null, digits: number) =>
  value === null ? 'n/a' : value.toFixed(digits);

const refusedText = (refused: Record<string, number>) => {
  const entries = Object.entries(refused);
  return entries.length === 0 ? '0' : entries.map(([code, n]) => `${code} ${n}`).join(', ');
};

/** One run, for a person reading a terminal. */
export function formatReport(report: LoadReport, store: string): string {
  const { p50, p95, p99, max } = report.latencyMs;
  return [
    `${report.matches} matches, think ${report.thinkMs} ms, ${report.durationS} s measured after ${report.setupS.toFixed(1)} s of setup; store: ${store}`,
    `  actions/s             ${report.actionsPerSecond.toFixed(1)} (${report.actions} accepted; refused: ${refusedText(report.refused)})`,
    `  latency p50/p95/p99   ${fixed(p50, 2)} / ${fixed(p95, 2)} / ${fixed(p99, 2)} ms (max ${fixed(max, 1)} ms)`,
    `  server CPU per action ${fixed(report.serverCpuMsPerAction, 3)} ms`,
    `  server RSS (peak)     ${fixed(report.serverRssMiB, 0)} MiB`,
    `  load generator CPU    ${report.loadGeneratorCores.toFixed(2)} cores`,
    `  matches finished      ${report.matchesFinished}`,
  ].join('\n');
}

export interface ScenarioRow {
  store: string;
  matches: number;
  thinkMs: number;
  /** The run's report, or why it could not finish. */
  outcome: LoadReport | { error: string };
}

/** Several runs side by side, as a Markdown table (readable as is, pasteable into a README). */
export function formatTable(rows: readonly ScenarioRow[]): string {
  const header = [
    'store',
    'matches',
    'think ms',
    'actions/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'CPU ms/action',
    'RSS MiB',
    'client cores',
    'refused',
  ];
  const body = rows.map(({ store, matches, thinkMs, outcome }) => {
    const scenario = [store, String(matches), String(thinkMs)];
    if ('error' in outcome) return [...scenario, `failed: ${outcome.error.split('\n')[0]}`];
    return [
      ...scenario,
      outcome.actionsPerSecond.toFixed(0),
      fixed(outcome.latencyMs.p50, 2),
      fixed(outcome.latencyMs.p95, 2),
      fixed(outcome.latencyMs.p99, 2),
      fixed(outcome.serverCpuMsPerAction, 3),
      fixed(outcome.serverRssMiB, 0),
      outcome.loadGeneratorCores.toFixed(2),
      refusedText(outcome.refused),
    ];
  });
  const widths = header.map((title, i) =>
    Math.max(
      title.length,
      ...body.map((row) => (row.length === header.length ? (row[i] as string).length : 0)),
    ),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** A one-line status for a terminal, redrawn in place. */
export function formatProgress(progress: LoadProgress, matches: number, durationS: number): string {
  return progress.phase === 'setup'
    ? `setting up: ${progress.matchesReady}/${matches} matches playing, ${progress.elapsedS.toFixed(0)} s`
    : `measuring: ${progress.elapsedS.toFixed(0)}/${durationS} s, ${progress.actions} actions (${(progress.actions / Math.max(progress.elapsedS, 1e-9)).toFixed(0)}/s)`;
}
