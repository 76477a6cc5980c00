import type { Scenario } from './format.ts';

// Scored as dealt: the deck is empty and the discard pile holds one card, so the first draw
// ends the round at once (3.5) and every card is turned up and scored.
export default {
  name: 'negative pairs keep their value: 2-2, Super King pair and joker pair are -4 each',
  rule: '5 House rule negativePairsKeepValue (with superKings and standard jokers); a positive pair stays 0',
  options: {
    initialFlips: 0,
    rounds: 1,
    negativePairsKeepValue: true,
    superKings: true,
    jokerMode: 'standard',
  },
  seats: 2,
  deal: {
    hands: [
      ['2C', 'JK', 'KC', '2D', 'JK', 'KD'],
      ['5C', '9C', '8C', '5D', '9D', '7C'],
    ],
    discardTop: 'QS',
    deck: [],
  },
  actions: [
    { seat: 1, type: 'drawDeck', includes: [{ type: 'roundEnded' }, { type: 'gameEnded' }] },
  ],
  expect: {
    roundScores: [[-12, 15]],
    rounds: [{ scores: [{ columns: [-4, -4, -4] }, { columns: [0, 0, 15] }] }],
  },
} satisfies Scenario;
