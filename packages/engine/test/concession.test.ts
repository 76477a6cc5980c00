import { describe, expect, it } from 'vitest';
import { withConcessions, type Outcome } from '../src/index.ts';

const ruled: Outcome = {
  winners: [1],
  tie: false,
  standings: [
    { seat: 0, place: 2, score: 10 },
    { seat: 1, place: 1, score: 4 },
    { seat: 2, place: 2, score: 10 },
    { seat: 3, place: 4, score: 20 },
  ],
};

describe('a result with conceded seats', () => {
  it('places the conceded seats after everyone still playing, who keep their order', () => {
    const result = withConcessions(ruled, [1]);
    expect(result.winners).toEqual([0, 2]);
    expect(result.tie).toBe(true);
    expect(result.conceded).toEqual([1]);
    expect(result.standings.map((s) => [s.seat, s.place])).toEqual([
      [0, 1],
      [2, 1],
      [3, 3],
      [1, 4],
    ]);
  });

  it('ignores seats that are not in the standings, and changes nothing without concessions', () => {
    expect(withConcessions(ruled, [])).toBe(ruled);
    expect(withConcessions(ruled, [9])).toBe(ruled);
    expect(withConcessions(ruled, [3, 3, 9]).conceded).toEqual([3]);
  });

  it('leaves no winner when every seat conceded', () => {
    const result = withConcessions(ruled, [0, 1, 2, 3]);
    expect(result.winners).toEqual([]);
    expect(result.standings.every((s) => s.place === 1)).toBe(true);
  });
});
