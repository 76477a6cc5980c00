import { describe, expect, it } from 'vitest';
import { outcomeFromTotals } from '../../src/index.ts';

describe('golf outcome', () => {
  it('has one winner for a single lowest total', () => {
    expect(outcomeFromTotals([30, 12, 40])).toMatchObject({
      winners: [1],
      tie: false,
      standings: [
        { seat: 1, place: 1, score: 12 },
        { seat: 0, place: 2, score: 30 },
        { seat: 2, place: 3, score: 40 },
      ],
    });
  });

  it('reports a tie for the lowest total as a tie, with shared places', () => {
    expect(outcomeFromTotals([20, 15, 15, 9, 20])).toMatchObject({ winners: [3], tie: false });
    expect(outcomeFromTotals([15, 20, 15, 30])).toMatchObject({
      winners: [0, 2],
      tie: true,
      standings: [
        { seat: 0, place: 1 },
        { seat: 2, place: 1 },
        { seat: 1, place: 3 },
        { seat: 3, place: 4 },
      ],
    });
  });
});
