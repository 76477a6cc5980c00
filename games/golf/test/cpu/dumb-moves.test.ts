import { describe, expect, it } from 'vitest';
import { playBatch } from './play.ts';

describe('CPU players make no dumb moves', () => {
  it('over 2,000 four-seat games with default rules', () => {
    const { summary } = playBatch(2000, { options: { rounds: 2 } });
    expect(summary.rounds).toBe(4000);
    expect(summary.anomalies).toBe(0);
    expect(summary.dumbMovesByKind).toEqual({
      discardedJokerOrTwo: 0,
      tookHighDiscardWithoutPair: 0,
      pairedNegatives: 0,
      swappedGoodForWorse: 0,
      highCardIntoHidden: 0,
    });
  });
});
