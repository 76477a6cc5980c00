import fc from 'fast-check';
import type { GolfOptions } from '../../src/index.ts';

/** Any valid options: every option takes every value (holes capped by `maxRounds`). */
export const optionsArb = (maxRounds: number): fc.Arbitrary<GolfOptions> =>
  fc.record({
    decks: fc.constantFrom(1 as const, 2 as const, 3 as const),
    rounds: fc.integer({ min: 1, max: maxRounds }),
    initialFlips: fc.constantFrom(0 as const, 1 as const, 2 as const),
    jokerMode: fc.constantFrom(
      'none' as const,
      'standard' as const,
      'luckySwing' as const,
      'eagleEye' as const,
    ),
    flipMode: fc.constantFrom('never' as const, 'always' as const, 'endgame' as const),
    superKings: fc.boolean(),
    tenPenny: fc.boolean(),
    oneEyedJacks: fc.boolean(),
    negativePairsKeepValue: fc.boolean(),
    wolfpack: fc.boolean(),
    fourOfAKind: fc.boolean(),
    blackjack: fc.boolean(),
    knockPenalty: fc.boolean(),
    knockBonus: fc.boolean(),
    underdogBonus: fc.boolean(),
    tiedShame: fc.boolean(),
    flipAsAction: fc.boolean(),
    knockEarly: fc.boolean(),
  });

export interface TableSetup {
  options: GolfOptions;
  seats: number;
  seed: string;
  /** Seeds the random choice among legal actions. */
  playSeed: number;
}

export const tableArb = (maxRounds: number): fc.Arbitrary<TableSetup> =>
  fc.record({
    options: optionsArb(maxRounds),
    seats: fc.integer({ min: 2, max: 6 }),
    seed: fc.string({ minLength: 1, maxLength: 12 }),
    playSeed: fc.integer(),
  });
