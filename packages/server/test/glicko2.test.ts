import { describe, expect, it } from 'vitest';
import { NEW_PLAYER, updateMatch, updateRating } from '../src/social/glicko2.ts';

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
