import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type Card, type Rank, type ViewSlot } from '@cardtable/golf';
import { formatDelta, previewSwap, visibleScore } from '../src/game/score-preview.ts';

let nextId = 1;
const card = (rank: Rank, suit: Card['suit'] = 'clubs'): Card => ({
  id: nextId++,
  rank,
  suit,
  deck: 0,
});
const up = (rank: Rank): ViewSlot => ({ faceUp: true, card: card(rank) });
const down: ViewSlot = { faceUp: false, card: { hidden: true, deck: 0 } };
const options = { ...DEFAULT_OPTIONS };

describe('visibleScore', () => {
  it('counts face-up cards, pairs only when both of a column are up', () => {
    // columns: (7, 7) pair = 0; (5, hidden) = 5; (hidden, K) = 0
    const hand = [up('7'), up('5'), down, up('7'), down, up('K')];
    expect(visibleScore(hand, options)).toBe(5);
  });

  it('is the full hand score, bonuses included, once every card is up', () => {
    const hand = [up('J'), up('J'), up('3'), up('J'), up('J'), up('4')];
    expect(visibleScore(hand, options)).toBe(7);
    expect(visibleScore(hand, { ...options, wolfpack: true })).toBe(-13);
  });

  it('is 0 for the empty hand before the deal', () => {
    expect(visibleScore([], options)).toBe(0);
  });

  it('follows the house rules for values', () => {
    const hand = [up('K'), down, down, down, down, down];
    expect(visibleScore(hand, { ...options, superKings: true })).toBe(-2);
  });
});

describe('previewSwap', () => {
  const hand = [up('9'), down, up('4'), up('9'), down, down];

  it('shows a pair made by the swap', () => {
    // slot 0 (9) and slot 3 (9) already pair; swapping a 4 into slot 5 pairs with the 4 above.
    const preview = previewSwap(hand, 5, card('4'), options);
    expect(preview).toMatchObject({
      before: 4,
      after: 0,
      delta: -4,
      makesPair: true,
      replacesUnknown: true,
    });
  });

  it('shows the cost of breaking a pair', () => {
    const preview = previewSwap(hand, 0, card('2'), options);
    expect(preview).toMatchObject({
      before: 4,
      after: 11,
      delta: 7,
      makesPair: false,
      replacesUnknown: false,
    });
  });

  it('reads as a signed number', () => {
    expect([formatDelta(-4), formatDelta(7), formatDelta(0)]).toEqual(['−4', '+7', '±0']);
  });
});
