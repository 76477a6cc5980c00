import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { simulateBalance, type BalanceReport, type LevelReport } from '@cardtable/tcg';
import { demoSource, loadContentFrom, SPIRITBOUND_DIR, tcgGameFor } from '@cardtable/tcg/demo';
import { simulateTcgCommand } from '../src/commands/simulate-tcg.ts';
import { formatLevelReport } from '../src/simulate/tcg-levels.ts';
import { formatBalanceReport, table } from '../src/simulate/tcg-report.ts';

afterEach(() => vi.restoreAllMocks());

/** Runs the command, capturing what it prints. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  const code = await simulateTcgCommand(argv);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The demo set plus a third deck (the demo ships two), as a content folder. */
function threeDeckFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cardtable-three-decks-'));
  const source = demoSource();
  const { decks } = source.decks as { decks: { cards: unknown[] }[] };
  const third = {
    id: 'C',
    name: 'Tidal Ember',
    cards: [...decks[1]!.cards.slice(0, 5), ...decks[0]!.cards.slice(0, 8)],
  };
  const write = (name: string, value: unknown) =>
    writeFileSync(join(dir, name), JSON.stringify(value, null, 2));
  write('ruleset.json', source.ruleset);
  write('cards.json', source.cards);
  write('decks.json', { ...(source.decks as object), decks: [...decks, third] });
  mkdirSync(join(dir, 'lua'));
  for (const [name, code] of Object.entries(source.scripts ?? {}))
    writeFileSync(join(dir, 'lua', `${name}.lua`), code);
  return dir;
}

describe('the report tables', () => {
  it('line up card names in any script: wide characters take two columns, marks none', () => {
    const printed = table(
      ['Card', 'Played'],
      [
        ['狐火 Kitsune-bi', '78%'],
        ['The Ferryman ⚓', '70%'],
        ['Łucja', '68%'],
        ['Zoe\u0308', '5%'],
      ],
    ).split('\n');
    // Each row is as wide as the header in columns: 15 for the name, 2 between, 6 for the rate.
    expect(printed).toEqual([
      'Card             Played',
      '狐火 Kitsune-bi     78%',
      'The Ferryman ⚓     70%',
      'Łucja               68%',
      'Zoe\u0308                  5%',
    ]);
  });
});

describe('cardtable simulate tcg', () => {
  let folder: string;
  let oneThread: BalanceReport;
  beforeAll(async () => {
    folder = threeDeckFolder();
    const { code, out } = await run([
      '--ruleset',
      folder,
      '--games',
      '1',
      '--threads',
      '1',
      '--json',
    ]);
    expect(code).toBe(0);
    oneThread = JSON.parse(out) as BalanceReport;
  }, 300_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('plays every pair of a three-deck set and reports the grid, first player and endings', () => {
    expect(oneThread.games).toBe(3);
    expect(oneThread.decks.map((d) => [d.id, d.games])).toEqual([
      ['A', 2],
      ['B', 2],
      ['C', 2],
    ]);
    expect(oneThread.matchups.map((m) => `${m.deck}-${m.opponent}:${m.games}`)).toEqual([
      'A-B:1',
      'A-C:1',
      'B-A:1',
      'B-C:1',
      'C-A:1',
      'C-B:1',
    ]);
    const decided = oneThread.decks.reduce((sum, d) => sum + d.wins + d.draws / 2, 0);
    expect(decided).toBe(3);
    expect(oneThread.firstPlayer.games).toBe(3);
    expect(oneThread.endings.reduce((sum, e) => sum + e.games, 0)).toBe(3);
    for (const deck of oneThread.decks) {
      expect(deck.winRate.low).toBeLessThanOrEqual(deck.winRate.rate!);
      expect(deck.winRate.high).toBeGreaterThanOrEqual(deck.winRate.rate!);
    }
    expect(oneThread.errors).toEqual([]);
  });

  it('gives the same report on three worker threads, and the same as playing on this thread', async () => {
    const { out } = await run(['--ruleset', folder, '--games', '1', '--threads', '3', '--json']);
    expect(JSON.parse(out)).toEqual(oneThread);
    const game = await tcgGameFor(loadContentFrom(folder));
    try {
      const inProcess = simulateBalance(game, {
        ruleset: 'demo',
        decks: ['A', 'B', 'C'],
        profiles: ['easy', 'easy', 'easy'],
        gamesPerPairing: 1,
        seed: 'cardtable',
      });
      expect(JSON.parse(JSON.stringify(inProcess))).toEqual(oneThread);
    } finally {
      game.dispose();
    }
  }, 300_000);

  it('prints the report for a person: sections, the grid and the intervals', async () => {
    const { code, out } = await run(['--ruleset', folder, '--games', '1', '--threads', '2']);
    expect(code).toBe(0);
    expect(out).toBe(formatBalanceReport(oneThread));
    expect(out).toContain('Matchups: the row deck against the column deck');
    expect(out).toMatch(/^First player: won \d of 3: \d+% \(\d+-\d+%\)/m);
    expect(out).toContain('How games ended');
    expect(out).toMatch(/^A Ember Rush +easy +2 /m);
    expect(out).toContain('Engine errors: none');
  }, 300_000);

  it('keeps the two-deck demo report (no grid) and the seat swap', async () => {
    const { code, out } = await run(['--decks', 'A,B', '--games', '2', '--threads', '2', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as BalanceReport;
    expect(report.decks.map((d) => [d.id, d.games])).toEqual([
      ['A', 2],
      ['B', 2],
    ]);
    expect(report.cards.find((c) => c.name === 'Fire Imp')!.deck).toBe('A');
    expect(report.averageTurns).toBeGreaterThan(1);
    expect(formatBalanceReport(report)).not.toContain('Matchups');
  }, 300_000);

  it("says how games ended in the ruleset's own words: Lanternfall's hero is a keeper", async () => {
    const lanternfall = join(import.meta.dirname, '../../../games/tcg/test/packages/lanternfall');
    const argv = ['--ruleset', lanternfall, '--games', '2', '--threads', '1'];
    const { code, out } = await run(argv);
    expect(code).toBe(0);
    // The default seed decides one of the two matches on life.
    expect(out).toMatch(/^a keeper's life reached 0 +1 +50%$/m);
    expect(out).not.toContain('hero');
  }, 300_000);

  it("plays Hollowmere, a creator's game with activated abilities and Lua, and says its words", async () => {
    const hollowmere = join(import.meta.dirname, '../../../games/tcg/test/packages/hollowmere');
    const argv = ['--content', hollowmere, '--games', '4', '--threads', '1', '--strict'];
    const { code, out } = await run(argv);
    expect(code).toBe(0);
    expect(out).toContain('Engine errors: none');
    expect(out).toContain('Lua failures: none');
    // Its warden's life is "resolve"; its win rule speaks for itself.
    expect(out).toMatch(/^a warden's resolve reached 0 +\d+ +\d+%$/m);
    expect(out).toMatch(/^three totems stand in the mere +\d+ +\d+%$/m);
    expect(out).not.toMatch(/hero|\blife\b/);
  }, 300_000);

  it('rejects bad flags with exit code 2 and says why', async () => {
    const refused = async (argv: string[], message: RegExp) => {
      const { code, err } = await run(argv);
      expect(code).toBe(2);
      expect(err).toMatch(message);
    };
    await refused(['--games', '0'], /--games must be a whole number/);
    await refused(['--games', '1', '--decks', 'A'], /two or more deck ids/);
    await refused(['--games', '1', '--decks', 'A,Z'], /No deck "Z" in demo; its decks: A, B/);
    await refused(['--games', '1', '--cpu', 'genius'], /--cpu takes easy, hard, random/);
    await refused(['--games', '1', '--levels', 'hard'], /--levels takes two of easy, hard, random/);
    await refused(
      ['--games', '1', '--levels', 'hard,easy', '--cpu', 'easy'],
      /--cpu or --levels, not both/,
    );
    await refused(['--games', '1', '--cpu', 'easy,hard,easy'], /one CPU profile per deck \(2\)/);
    await refused(['--games', '1', '--threads', '0'], /--threads must be a whole number from 1/);
    await refused(['--games', '1', '--threads', '65'], /from 1 to 64/);
    await refused(['--games', '1', '--ruleset', '/nonexistent'], /No ruleset "\/nonexistent"/);
  });

  it("a folder that does not validate: its findings alone, exit 1 (the content's problem)", async () => {
    const dir = threeDeckFolder();
    try {
      writeFileSync(join(dir, 'decks.json'), '{"schema": "tcg/decks@1",');
      const { code, err } = await run(['--content', dir, '--games', '1']);
      expect(code).toBe(1);
      expect(err).toMatch(/^The content in .* is invalid \(cardtable content validate .*\):\n/);
      expect(err).toMatch(/decks\.json:1:\d+: error JSON_SYNTAX/);
      expect(err).not.toContain('Usage:');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('compares two levels in mirror matches of each deck, seats swapped: --levels', async () => {
    const argv = ['--content', SPIRITBOUND_DIR, '--decks', 'fire,water', '--games', '2'];
    const { code, out } = await run([...argv, '--levels', 'easy,random', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as LevelReport;
    expect(report.levels).toEqual(['easy', 'random']);
    expect(report.byDeck.map((d) => [d.deck, d.games])).toEqual([
      ['fire', 2],
      ['water', 2],
    ]);
    expect(report.overall.games).toBe(4);
    expect(report.errors).toEqual([]);
    const printed = formatLevelReport(report);
    expect(printed).toContain('easy against random: 4 mirror matches of spiritbound');
    expect(printed).toMatch(/all decks\s+4\s+\d+\s+\d+\s+\d+\s+\d+% \(\d+-\d+%\)/);
  }, 300_000);
});
