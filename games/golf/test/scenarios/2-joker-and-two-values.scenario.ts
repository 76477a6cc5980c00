import type { Scenario } from './format.ts';

// Scored as dealt: the deck is empty and the discard pile holds one card, so the first draw
// ends the round at once (3.5) and every card is turned up and scored.
export default {
  name: 'a 2 and a standard joker are each worth -2',
  rule: '2 Card values (2 = -2, Joker = -2)',
  options: { initialFlips: 0, rounds: 1, jokerMode: 'standard' },
  seats: 2,
  deal: {
    hands: [
      ['2C', 'JK', 'KC', '5C', '3C', '4C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: 'QS',
    deck: [],
  },
  actions: [
    { seat: 1, type: 'drawDeck', includes: [{ type: 'roundEnded' }, { type: 'gameEnded' }] },
  ],
  expect: {
    roundScores: [[8, 17]],
    rounds: [{ scores: [{ columns: [3, 1, 4] }, { columns: [5, 3, 9] }] }],
  },
} satisfies Scenario;
