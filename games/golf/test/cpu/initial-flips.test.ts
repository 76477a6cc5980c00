import { describe, expect, it } from 'vitest';
import { CPU_PROFILE_NAMES } from '../../src/index.ts';
import { playBatch, rotating } from './play.ts';

describe('CPU players flip the right number of cards first (spec mistake 4)', () => {
  for (const initialFlips of [0, 1, 2] as const) {
    it(`never stall a round with initialFlips ${initialFlips}`, () => {
      const { summary, records } = playBatch(24, {
        seed: `flips-${initialFlips}`,
        options: { initialFlips, rounds: 3 },
        // Every personality at two to six seats.
        profiles: (game) => rotating(CPU_PROFILE_NAMES)(game).slice(0, 2 + (game % 5)),
      });
      expect(summary.anomalyExamples).toEqual([]);
      expect(summary.rounds).toBe(24 * 3);
      for (const { log } of records) {
        const flips = log.filter(({ action }) => action.type === 'initialFlip');
        for (const { action } of flips) {
          expect(action.type === 'initialFlip' && new Set(action.payload.slots).size).toBe(
            initialFlips,
          );
        }
        if (initialFlips === 0) expect(flips).toEqual([]);
      }
    });
  }
});
