import { describe, expect, it } from 'vitest';
import { parseLoadArgs } from '../src/commands/load.ts';
import { formatTable } from '../src/load/report.ts';
import type { LoadReport } from '../src/load/run.ts';

const report: LoadReport = {
  matches: 100,
  thinkMs: 1000,
  durationS: 20,
  actions: 2000,
  actionsPerSecond: 100,
  latencyMs: { p50: 1.5, p95: 4.25, p99: 9, max: 12 },
  refused: { STALE_VERSION: 3 },
  matchesFinished: 0,
  serverCpuMsPerAction: 0.5,
  serverRssMiB: 150.2,
  loadGeneratorCores: 0.12,
  setupS: 2,
};

describe('formatTable', () => {
  it('lines runs up as a Markdown table, failed ones included', () => {
    const table = formatTable([
      { store: 'postgres', matches: 100, thinkMs: 1000, outcome: report },
      {
        store: 'pglite',
        matches: 1000,
        thinkMs: 1000,
        outcome: { error: 'Setup took too long.\nmore' },
      },
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(
      /^\| postgres \| 100 +\| 1000 +\| 100 +\| 1\.50 +\| 4\.25 +\| 9\.00 +\| 0\.500 +\| 150 +\| 0\.12 +\| STALE_VERSION 3 \|$/,
    );
    expect(lines[3]).toMatch(/^\| pglite +\| 1000 +\| 1000 +\| failed: Setup took too long\. \|$/);
  });
});

describe('parseLoadArgs', () => {
  it('reads the options, with defaults', () => {
    expect(parseLoadArgs(['--matches', '5', '--think', '0'])).toEqual({
      matches: 5,
      thinkMs: 0,
      durationS: 20,
      url: null,
      json: false,
    });
    expect(
      parseLoadArgs(['--matches', '2', '--duration', '3', '--url', 'http://h:1', '--json']),
    ).toMatchObject({
      durationS: 3,
      url: 'http://h:1',
      json: true,
    });
  });

  it('names the bad option', () => {
    expect(parseLoadArgs(['--matches', '0'])).toMatch(/--matches/);
    expect(parseLoadArgs(['--think', '-1'])).toMatch(/--think/);
    expect(parseLoadArgs(['--url', 'ftp://x'])).toMatch(/--url/);
    expect(parseLoadArgs(['--bogus'])).toMatch(/bogus/);
  });
});
