import type { Scenario } from './format.ts';

// Scored as dealt: the deck is empty and the discard pile holds one card, so the first draw
// ends the round at once (3.5) and every card is turned up and scored.
export default {
  name: 'One-Eyed Jacks: the jacks of hearts and spades are 0, other jacks 10, any two jacks pair',
  rule: '5 House rule oneEyedJacks',
  options: { initialFlips: 0, rounds: 1, oneEyedJacks: true },
  seats: 2,
  deal: {
    hands: [
      ['JH', 'JS', '9C', 'JC', '4C', '3C'],
      ['JD', '5D', '6D', '2D', '3D', '4D'],
    ],
    discardTop: 'QS',
    deck: [],
  },
  actions: [
    { seat: 1, type: 'drawDeck', includes: [{ type: 'roundEnded' }, { type: 'gameEnded' }] },
  ],
  expect: {
    roundScores: [[16, 26]],
    rounds: [{ scores: [{ columns: [0, 4, 12] }, { columns: [8, 8, 10] }] }],
  },
} satisfies Scenario;
