import { describe, expect, it } from 'vitest';
import type { ChildResult } from '../bench/compare/load-child.ts';
import {
  formatComparison,
  parseSystems,
  type Measured,
  type Scenario,
  type System,
} from '../bench/compare/table.ts';

const saturated: Scenario = { name: 'saturated', matches: 50, thinkMs: 0, durationS: 10 };

/** A run of `actions` actions in 10 s, with `cpuS` server CPU seconds and a p95 of `p95` ms. */
function run(system: System, actions: number, cpuS: number, p95: number): Measured {
  const result: ChildResult = {
    actions,
    latencyMs: { p50: p95 / 2, p95, p99: p95, max: p95 },
    matchesFinished: 0,
    refused: {},
    seconds: 10,
    serverCpuSeconds: cpuS,
    postgresCpuSeconds: system === 'postgres' ? cpuS / 2 : 0,
    peakRssBytes: 100 * 2 ** 20,
    loadGeneratorCpuSeconds: 1,
  };
  return { system, scenario: 'saturated', result };
}

const cells = (table: string, row: number) =>
  (table.split('\n')[row] ?? '')
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());

describe('formatComparison', () => {
  it('has a column per system and Cardtable/anchor ratios against both anchors', () => {
    const results = [
      run('bgio', 10_000, 3, 20),
      run('colyseus', 40_000, 2, 5),
      // Three PostgreSQL runs: the median (20,000 actions) is shown.
      run('postgres', 20_000, 4, 10),
      run('postgres', 30_000, 4, 10),
      run('postgres', 10_000, 4, 10),
      run('pglite', 5_000, 5, 40),
    ];
    const table = formatComparison(results, [saturated]);
    expect(cells(table, 0)).toEqual([
      'scenario',
      'boardgame.io 0.50 (memory)',
      'Colyseus 0.16 (memory)',
      'Cardtable, PostgreSQL',
      'Cardtable, PGlite',
      'PostgreSQL / bgio',
      'PGlite / bgio',
      'PostgreSQL / Colyseus',
      'PGlite / Colyseus',
    ]);
    expect(cells(table, 2)).toEqual([
      '50 matches, think 0: actions/s',
      '1,000',
      '4,000',
      '2,000',
      '500',
      '2.00x',
      '0.50x',
      '0.50x',
      '0.13x',
    ]);
    // CPU per action: 3 s / 10,000 = 300 us; PostgreSQL's own CPU beside Cardtable's.
    expect(cells(table, 3).slice(0, 4)).toEqual([
      '50 matches, think 0: server CPU per action',
      '300 us',
      '50 us',
      '200 us + 100 us in PostgreSQL',
    ]);
  });

  it('shows only the systems asked for, and a ratio only where both sides ran', () => {
    const table = formatComparison(
      [run('colyseus', 40_000, 2, 5), run('pglite', 5_000, 5, 40)],
      [saturated],
      ['colyseus', 'pglite'],
    );
    expect(cells(table, 0)).toEqual([
      'scenario',
      'Colyseus 0.16 (memory)',
      'Cardtable, PGlite',
      'PGlite / Colyseus',
    ]);
    const anchorsOnly = formatComparison([run('bgio', 10_000, 3, 20)], [saturated], ['bgio']);
    expect(cells(anchorsOnly, 0)).toEqual(['scenario', 'boardgame.io 0.50 (memory)']);
  });

  it('prints a dash for a system without a run, in its cell and its ratios', () => {
    const table = formatComparison([run('bgio', 10_000, 3, 20)], [saturated]);
    expect(cells(table, 2)).toEqual([
      '50 matches, think 0: actions/s',
      '1,000',
      '-',
      '-',
      '-',
      '-',
      '-',
      '-',
      '-',
    ]);
  });
});

describe('parseSystems', () => {
  it('is every system without the flag, else the named ones in column order', () => {
    expect(parseSystems(undefined)).toEqual(['bgio', 'colyseus', 'postgres', 'pglite']);
    expect(parseSystems('pglite, colyseus')).toEqual(['colyseus', 'pglite']);
  });

  it('refuses a name it does not know, or none', () => {
    expect(() => parseSystems('bgio,redis')).toThrow(/unknown redis/);
    expect(() => parseSystems('')).toThrow(/--systems/);
  });
});
