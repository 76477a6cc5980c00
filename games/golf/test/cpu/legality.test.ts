import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUSE_RULE_NAMES, type GolfOptions } from '../../src/index.ts';
import { playBatch } from './play.ts';

const houseRules = fc.record(
  Object.fromEntries(HOUSE_RULE_NAMES.map((name) => [name, fc.boolean()])) as Record<
    (typeof HOUSE_RULE_NAMES)[number],
    fc.Arbitrary<boolean>
  >,
);

const anyOptions: fc.Arbitrary<Partial<GolfOptions>> = fc
  .record({
    decks: fc.constantFrom(1, 2, 3) as fc.Arbitrary<GolfOptions['decks']>,
    rounds: fc.integer({ min: 1, max: 2 }),
    initialFlips: fc.constantFrom(0, 1, 2) as fc.Arbitrary<GolfOptions['initialFlips']>,
    jokerMode: fc.constantFrom('none', 'standard', 'luckySwing', 'eagleEye') as fc.Arbitrary<
      GolfOptions['jokerMode']
    >,
    flipMode: fc.constantFrom('never', 'always', 'endgame') as fc.Arbitrary<
      GolfOptions['flipMode']
    >,
  })
  .chain((table) => houseRules.map((rules) => ({ ...table, ...rules })));

describe('CPU players under every option', () => {
  it('only ever send legal actions, make no dumb move, and finish every game', () => {
    fc.assert(
      fc.property(
        anyOptions,
        fc.integer({ min: 2, max: 6 }),
        fc.string({ minLength: 1, maxLength: 8 }),
        (options, seats, seed) => {
          const { summary, records } = playBatch(3, { options, seats, seed });
          // Anomalies cover an action outside the legal list, one the rules reject, a throw,
          // a stall and a broken card count.
          expect(summary.anomalyExamples).toEqual([]);
          expect(summary.dumbMoves).toBe(0);
          for (const record of records) {
            expect(record.rounds).toHaveLength(options.rounds as number);
            expect(record.winners.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 120, seed: 20240601 },
    );
  });
});
