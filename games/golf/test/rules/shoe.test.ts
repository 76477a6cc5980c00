import { describe, expect, it } from 'vitest';
import { buildShoe, RANKS, SUITS, type JokerMode } from '../../src/index.ts';

// Spec section 1: 52/104/156; 54/108/162 with standard or eagleEye jokers; 53/105/157 luckySwing.
const SIZES: Record<JokerMode, [number, number, number]> = {
  none: [52, 104, 156],
  standard: [54, 108, 162],
  eagleEye: [54, 108, 162],
  luckySwing: [53, 105, 157],
};
const JOKERS: Record<JokerMode, (decks: number) => number> = {
  none: () => 0,
  standard: (decks) => 2 * decks,
  eagleEye: (decks) => 2 * decks,
  luckySwing: () => 1,
};

describe('golf shoe', () => {
  for (const jokerMode of Object.keys(SIZES) as JokerMode[]) {
    for (const decks of [1, 2, 3]) {
      it(`${decks} deck(s), jokerMode ${jokerMode}`, () => {
        const shoe = buildShoe(decks, jokerMode);
        expect(shoe).toHaveLength(SIZES[jokerMode][decks - 1] as number);
        expect(shoe.map((card) => card.id)).toEqual(shoe.map((_, index) => index));
        expect(shoe.filter((card) => card.rank === 'JOKER')).toHaveLength(JOKERS[jokerMode](decks));
        for (let deck = 0; deck < decks; deck++) {
          const own = shoe.filter((card) => card.deck === deck && card.rank !== 'JOKER');
          expect(own).toHaveLength(52);
          for (const suit of SUITS) {
            expect(own.filter((card) => card.suit === suit).map((card) => card.rank)).toEqual([
              ...RANKS,
            ]);
          }
        }
      });
    }
  }

  it('is the same on every call (ids in a fixed order before the shuffle)', () => {
    expect(buildShoe(2, 'standard')).toEqual(buildShoe(2, 'standard'));
  });
});
