import { activeRules } from '@cardtable/golf';
import type { SimulationReport } from './run.ts';

/** The summary for a person: totals first, then one line per personality, then problems. */
export function formatReport(report: SimulationReport): string {
  const rules = activeRules(report.options);
  const lines = [
    `Simulated ${report.games} games of golf at ${report.seats} seats (seed "${report.seed}") ` +
      `in ${(report.elapsedMs / 1000).toFixed(1)} s: ${report.gamesPerSecond} games/s.`,
    `Options: ${report.options.decks} deck(s), ${report.options.rounds} holes, ` +
      `${report.options.initialFlips} initial flips; ${rules.length > 0 ? rules.join(', ') : 'no house rules'}.`,
    `Seats: ${report.cpu ? report.cpu.join(', ') : 'seeded rotation of the eight personalities'}.`,
    '',
    `Round scores over ${report.rounds} rounds: median ${report.medianRoundScore}, ` +
      `mean ${report.meanRoundScore}, p10 ${report.p10RoundScore}, p90 ${report.p90RoundScore}.`,
    '',
    table(report),
    '',
    `Dumb moves: ${report.dumbMoves}${breakdown(report.dumbMovesByKind)}`,
    `Rule anomalies: ${report.anomalies}${breakdown(report.anomaliesByKind)}`,
    ...report.anomalyExamples.map(
      (anomaly) => `  game ${anomaly.game}, ${anomaly.kind}: ${anomaly.message.split('\n')[0]}`,
    ),
  ];
  return lines.join('\n');
}

function table(report: SimulationReport): string {
  const header = [
    'profile',
    'games',
    'median',
    'mean',
    'sd',
    'p10',
    'p90',
    'go-out',
    'pairs',
    'wins',
    'dumb',
  ];
  const rows = Object.entries(report.byProfile).map(([name, p]) => [
    name,
    String(p.games),
    String(p.medianRoundScore),
    p.meanRoundScore.toFixed(1),
    p.stdDevRoundScore.toFixed(1),
    String(p.p10RoundScore),
    String(p.p90RoundScore),
    `${(p.goOutRate * 100).toFixed(0)}%`,
    p.pairsPerRound.toFixed(2),
    `${(p.winRate * 100).toFixed(0)}%`,
    String(p.dumbMoves),
  ]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => (row[column] as string).length)),
  );
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) =>
          column === 0
            ? cell.padEnd(widths[column] as number)
            : cell.padStart(widths[column] as number),
        )
        .join('  '),
    )
    .join('\n');
}

function breakdown(counts: Record<string, number>): string {
  const nonZero = Object.entries(counts).filter(([, count]) => count > 0);
  return nonZero.length === 0
    ? ''
    : ` (${nonZero.map(([kind, count]) => `${kind} ${count}`).join(', ')})`;
}
