import { describe, expect, it } from 'vitest';
import { foldMatch, type StoredRating } from '../src/social/fold.ts';
import {
  afterIdlePeriods,
  NEW_PLAYER,
  RATING_PERIOD_MS,
  ratingPeriodOf,
  updateMatch,
  updateRating,
} from '../src/social/glicko2.ts';
import { outcomeOf } from './helpers/finished-matches.ts';

describe('Glicko-2', () => {
  it("reproduces Glickman's worked example", () => {
    const next = updateRating({ rating: 1500, rd: 200, volatility: 0.06 }, [
      { opponent: { rating: 1400, rd: 30, volatility: 0.06 }, score: 1 },
      { opponent: { rating: 1550, rd: 100, volatility: 0.06 }, score: 0 },
      { opponent: { rating: 1700, rd: 300, volatility: 0.06 }, score: 0 },
    ]);
    // The paper rounds μ' to -0.2069 before converting (1464.06); unrounded it is 1464.0507.
    expect(((next.rating - 1500) / 173.7178).toFixed(4)).toBe('-0.2069');
    expect(Math.abs(next.rating - 1464.06)).toBeLessThan(0.01);
    expect(next.rd.toFixed(2)).toBe('151.52');
    // 0.0599960 unrounded; the paper prints 0.05999.
    expect(Math.abs(next.volatility - 0.05999)).toBeLessThan(0.00001);
  });

  it('only widens the deviation of a period without games', () => {
    const next = updateRating({ rating: 1500, rd: 200, volatility: 0.06 }, []);
    expect(next.rating).toBe(1500);
    expect(next.rd).toBeCloseTo(200.27, 2);
  });

  it('grows the deviation with every rating period sat out, as n single idle periods would', () => {
    const player = { rating: 1620, rd: 60, volatility: 0.06 };
    let stepwise = player;
    for (let i = 0; i < 30; i++) stepwise = updateRating(stepwise, []);
    const grown = afterIdlePeriods(player, 30);
    expect(grown.rd).toBeCloseTo(stepwise.rd, 9);
    expect(grown.rd).toBeGreaterThan(player.rd);
    expect(grown.rating).toBe(player.rating);
    expect(afterIdlePeriods(player, 0)).toEqual(player);
    expect(afterIdlePeriods(player, 1_000_000).rd).toBe(350);
  });

  it('rates a match with the RDs grown by the days each player sat out', () => {
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * RATING_PERIOD_MS).toISOString();
    const stored = (lastDay: number): StoredRating => ({
      rating: 1500,
      rd: 80,
      volatility: 0.06,
      games: 10,
      lastPeriod: ratingPeriodOf(day(lastDay)),
    });
    const fold = (anaLast: number) =>
      foldMatch(
        {
          position: 1,
          matchId: 'm',
          game: 'golf',
          version: '1.0.0',
          endedAt: day(20),
          rated: true,
          players: [
            { seat: 0, userId: 'ana' },
            { seat: 1, userId: 'ben' },
          ],
          outcome: outcomeOf([1, 2]),
          golfRounds: [],
          tcgDecks: [],
        },
        {
          ratings: new Map([
            ['ana', stored(anaLast)],
            ['ben', stored(19)],
          ]),
          stats: new Map(),
          held: new Map(),
        },
      ).ratings;
    // Yesterday: no day sat out. Ten days ago: nine, so a wider RD and a bigger gain.
    const [fresh, idle] = [fold(19), fold(10)];
    const expected = updateMatch([
      { rating: afterIdlePeriods(stored(10), 9), place: 1 },
      { rating: stored(19), place: 2 },
    ]);
    expect(idle[0]?.rating.rating).toBeCloseTo(expected[0]!.rating, 9);
    expect(idle[0]!.rating.rating).toBeGreaterThan(fresh[0]!.rating.rating);
    expect(idle[0]?.rating.lastPeriod).toBe(ratingPeriodOf(day(20)));
  });

  it('treats a multi-player match as pairwise results', () => {
    const [first, second, third] = updateMatch([
      { rating: NEW_PLAYER, place: 1 },
      { rating: NEW_PLAYER, place: 2 },
      { rating: NEW_PLAYER, place: 3 },
    ]) as [typeof NEW_PLAYER, typeof NEW_PLAYER, typeof NEW_PLAYER];
    expect(first.rating).toBeGreaterThan(1500);
    expect(second.rating).toBeCloseTo(1500, 6);
    expect(third.rating).toBeLessThan(1500);
    expect(first.rating - 1500).toBeCloseTo(1500 - third.rating, 6);
    const [a, b] = updateMatch([
      { rating: NEW_PLAYER, place: 1 },
      { rating: NEW_PLAYER, place: 1 },
    ]);
    expect(a).toEqual(b);
    expect(a?.rating).toBeCloseTo(1500, 9);
    expect(a?.rd).toBeLessThan(350);
  });
});
