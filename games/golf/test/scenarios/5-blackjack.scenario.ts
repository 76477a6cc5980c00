import type { Scenario } from './format.ts';

// Scored as dealt: the deck is empty and the discard pile holds one card, so the first draw
// ends the round at once (3.5) and every card is turned up and scored.
export default {
  name: 'Blackjack: a round score of exactly 21 becomes 0; 22 stays 22',
  rule: '5 House rule blackjack',
  options: { initialFlips: 0, rounds: 1, blackjack: true },
  seats: 2,
  deal: {
    hands: [
      ['10C', '5C', 'KC', '4C', 'AD', 'AC'],
      ['10D', '6D', 'KD', '4D', 'AH', 'AS'],
    ],
    discardTop: 'QS',
    deck: [],
  },
  actions: [
    { seat: 1, type: 'drawDeck', includes: [{ type: 'roundEnded' }, { type: 'gameEnded' }] },
  ],
  expect: {
    roundScores: [[0, 22]],
    rounds: [
      {
        scores: [
          { columns: [14, 6, 1], adjustments: [{ kind: 'blackjack', points: -21 }], wonHole: true },
          { adjustments: [], wonHole: false },
        ],
      },
    ],
  },
} satisfies Scenario;
