import { describe, expect, it } from 'vitest';
import {
  endingWords,
  balancePlanProblem,
  balanceReport,
  scheduleMatches,
  wilsonInterval,
  type BalancePlan,
  type MatchRecord,
} from '../src/index.ts';
import { demoContent } from '../content/demo/index.ts';
import type { ScriptFailure } from '../src/engine/events.ts';
import { luaFailureCounts } from '../src/cpu/lua-failures.ts';

describe('wilsonInterval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", table II,
  // method 3 (score interval without continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i: %f to %f', (successes, trials, low, high) => {
    const interval = wilsonInterval(successes, trials);
    expect(interval.rate).toBeCloseTo(successes / trials, 10);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('stays inside [0, 1] at the edges and has no interval without trials', () => {
    expect(wilsonInterval(10, 10)).toEqual({ rate: 1, low: expect.closeTo(0.7225, 4), high: 1 });
    expect(wilsonInterval(0, 0)).toEqual({ rate: null, low: null, high: null });
  });
});

const content = demoContent();
/** The demo set has two decks; a third for the grid, as a creator's set might have. */
const withThirdDeck = {
  ...content,
  decks: [...content.decks, { id: 'C', name: 'Tidal Ember', cards: [] }],
};
const plan: BalancePlan = {
  ruleset: 'demo',
  decks: ['A', 'B', 'C'],
  profiles: ['easy', 'hard', 'easy'],
  gamesPerPairing: 2,
  seed: 's',
};

describe('scheduleMatches', () => {
  it('plays every pair of decks, swapping seats (and their CPUs) every other match', () => {
    expect(scheduleMatches(plan)).toEqual([
      { index: 0, decks: ['A', 'B'], profiles: ['easy', 'hard'] },
      { index: 1, decks: ['B', 'A'], profiles: ['hard', 'easy'] },
      { index: 2, decks: ['A', 'C'], profiles: ['easy', 'easy'] },
      { index: 3, decks: ['C', 'A'], profiles: ['easy', 'easy'] },
      { index: 4, decks: ['B', 'C'], profiles: ['hard', 'easy'] },
      { index: 5, decks: ['C', 'B'], profiles: ['easy', 'hard'] },
    ]);
  });

  it('refuses plans that cannot run, saying why', () => {
    const problem = (change: Partial<BalancePlan>) =>
      balancePlanProblem(content, {
        ...plan,
        decks: ['A', 'B'],
        profiles: ['easy', 'easy'],
        ...change,
      });
    expect(problem({})).toBeNull();
    expect(problem({ decks: ['A'], profiles: ['easy'] })).toMatch(/two or more decks/);
    expect(problem({ decks: ['A', 'Z'] })).toBe('No deck "Z" in demo; its decks: A, B.');
    expect(problem({ decks: ['A', 'A'] })).toMatch(/only once/);
    expect(problem({ profiles: ['easy'] })).toMatch(/one CPU profile per deck/);
    expect(problem({ profiles: ['easy', 'genius'] })).toMatch(/No CPU profile "genius"/);
    expect(problem({ gamesPerPairing: 0 })).toMatch(/at least one match/);
  });
});

const record = (
  index: number,
  decks: [string, string],
  winner: 0 | 1 | 'tie',
  extra: Partial<MatchRecord> = {},
): MatchRecord => ({
  index,
  decks,
  outcome: {
    winners: winner === 'tie' ? [0, 1] : [winner],
    tie: winner === 'tie',
    reason: winner === 'tie' ? 'turnLimit' : 'lifeZero',
  },
  firstSeat: 0,
  turns: 10,
  actions: 100,
  played: [['demo/fire-imp'], []],
  scriptFailures: [],
  error: null,
  ...extra,
});

describe('balanceReport', () => {
  // A beats B twice; A and C split; C beats B once and draws once; one match failed.
  const records: MatchRecord[] = [
    record(0, ['A', 'B'], 0),
    record(1, ['B', 'A'], 1, { firstSeat: 1 }),
    record(2, ['A', 'C'], 0),
    record(3, ['C', 'A'], 0, { played: [[], ['demo/fire-imp']] }),
    record(4, ['B', 'C'], 1, { turns: 20, actions: 200 }),
    record(5, ['C', 'B'], 'tie'),
    {
      ...record(6, ['A', 'B'], 0),
      outcome: null,
      error: 'the match did not end within 5000 actions',
    },
  ];
  const report = balanceReport(withThirdDeck, plan, records);
  const cell = (deck: string, opponent: string) =>
    report.matchups.find((m) => m.deck === deck && m.opponent === opponent)!;

  it('fills the matchup grid from each deck side', () => {
    expect(report.matchups).toHaveLength(6);
    expect(cell('A', 'B')).toMatchObject({ games: 2, wins: 2, losses: 0, draws: 0 });
    expect(cell('B', 'A')).toMatchObject({ games: 2, wins: 0, losses: 2, draws: 0 });
    expect(cell('A', 'C')).toMatchObject({ games: 2, wins: 1, losses: 1, draws: 0 });
    expect(cell('C', 'B')).toMatchObject({ games: 2, wins: 1, losses: 0, draws: 1 });
    expect(cell('B', 'C').winRate).toEqual(wilsonInterval(0, 2));
  });

  it('totals decks, the first player and endings over finished matches, with intervals', () => {
    expect(report.decks.map((d) => [d.id, d.name, d.profile, d.games, d.wins, d.losses])).toEqual([
      ['A', 'Ember Rush', 'easy', 4, 3, 1],
      ['B', 'Tide Control', 'hard', 4, 0, 3],
      ['C', 'Tidal Ember', 'easy', 4, 2, 1],
    ]);
    expect(report.decks[0]!.winRate).toEqual(wilsonInterval(3, 4));
    // Seat 0 went first except in match 1: the first player won 0, 1, 2 and 3, lost 4.
    expect(report.firstPlayer).toMatchObject({ games: 6, wins: 4, losses: 1, draws: 1 });
    expect(report.endings).toEqual([
      { reason: 'lifeZero', words: "a hero's life reached 0", games: 5, share: 5 / 6 },
      { reason: 'turnLimit', words: 'the turn limit', games: 1, share: 1 / 6 },
    ]);
    expect(report.averageTurns).toBeCloseTo(70 / 6, 10);
    expect(report.errors).toEqual([
      { game: 6, message: 'the match did not end within 5000 actions' },
    ]);
    expect(report.games).toBe(7);
  });

  it("rates a card by its deck's games in which it was played", () => {
    const imp = report.cards.find((c) => c.deck === 'A' && c.card === 'demo/fire-imp')!;
    // Played by A in matches 0, 2 (seat 0) and 3 (seat 1): won 0 and 2, lost 3.
    expect(imp).toMatchObject({ name: 'Fire Imp', gamesPlayed: 3, playRate: 3 / 4 });
    expect(imp.winRateWhenPlayed).toEqual(wilsonInterval(2, 3));
    expect(report.cards.filter((c) => c.deck === 'C')).toEqual([]);
  });

  it("tells the ruleset's win rules apart by their own words", () => {
    const rule = (index: number, text: string) => {
      const r = record(index, ['A', 'B'], 0);
      return { ...r, outcome: { ...r.outcome!, reason: 'winCondition', text } };
    };
    const endings = balanceReport(withThirdDeck, plan, [
      rule(0, 'five lanterns light the night market'),
      rule(1, 'the reliquary holds seven rites'),
      rule(2, 'five lanterns light the night market'),
    ]).endings;
    expect(endings).toEqual([
      {
        reason: 'winCondition',
        text: 'five lanterns light the night market',
        words: 'five lanterns light the night market',
        games: 2,
        share: 2 / 3,
      },
      {
        reason: 'winCondition',
        text: 'the reliquary holds seven rites',
        words: 'the reliquary holds seven rites',
        games: 1,
        share: 1 / 3,
      },
    ]);
  });

  it("names the hero and units in the ruleset's own words (its vocabulary)", () => {
    const vocabulary = { unit: 'spirit', hero: 'keeper', spell: 'rite' };
    const lanterns = { ...withThirdDeck, ruleset: { ...content.ruleset, vocabulary } };
    const lost = (index: number, reason: string) => {
      const r = record(index, ['A', 'B'], 0);
      return { ...r, outcome: { ...r.outcome!, reason } };
    };
    const endings = balanceReport(lanterns, plan, [
      lost(0, 'lifeZero'),
      lost(1, 'lifeZero'),
      lost(2, 'noCreatureInPlay'),
    ]).endings;
    expect(endings.map((e) => e.words)).toEqual([
      "a keeper's life reached 0",
      'a player had no spirit left in play',
    ]);
    expect(endingWords('lifeZero', undefined, { hero: 'explorer', unit: 'unit' })).toBe(
      "an explorer's life reached 0",
    );
    expect(
      endingWords('lifeZero', undefined, { hero: 'warden', unit: 'thrall', life: 'resolve' }),
    ).toBe("a warden's resolve reached 0");
    // A life rule with words of its own is those words, not the engine's and then them.
    expect(
      endingWords('lifeZero', "the necromancer's vigor is spent", {
        hero: 'necromancer',
        unit: 'shade',
      }),
    ).toBe("the necromancer's vigor is spent");
  });

  it('is the same whatever order the records arrive in', () => {
    expect(balanceReport(withThirdDeck, plan, [...records].reverse())).toEqual(report);
  });
});

describe('Lua failures in the report', () => {
  const failure = (card: string, code: string, line: number): ScriptFailure => ({
    source: 'h1',
    card,
    ability: '0',
    module: 'm',
    entry: 'run',
    code,
    line,
    message: 'The ability failed.',
    detail: code,
  });
  it('counts failures per card and code, most first, keeping the first one seen', () => {
    const counts = luaFailureCounts([
      record(1, ['A', 'B'], 0, { scriptFailures: [failure('x/b', 'RUNTIME', 7)] }),
      record(0, ['A', 'B'], 0, {
        scriptFailures: [failure('x/a', 'RUNTIME', 3), failure('x/b', 'BUDGET_EXCEEDED', 9)],
      }),
    ]);
    expect(counts.map((c) => [c.card, c.count])).toEqual([
      ['x/b', 2],
      ['x/a', 1],
    ]);
    expect(counts[0]!.codes).toEqual({ BUDGET_EXCEEDED: 1, RUNTIME: 1 });
    expect(counts[0]!.first).toMatchObject({ game: 1, line: 7, code: 'RUNTIME' });
  });
});
