import type { Scenario } from './format.ts';

// Scored as dealt: the deck is empty and the discard pile holds one card, so the first draw
// ends the round at once (3.5) and every card is turned up and scored.
export default {
  name: 'Underdog before Tied shame: the tied lowest both get -3, then +5 for sharing a score',
  rule: '3.8 Round adjustments in order (Underdog, then Tied shame); 5 underdogBonus; holes won by every tied lowest',
  options: { initialFlips: 0, rounds: 1, underdogBonus: true, tiedShame: true },
  seats: 3,
  deal: {
    hands: [
      ['AC', '2C', 'KC', '2D', 'AD', '5C'],
      ['AH', '2H', 'KH', '2S', 'AS', '5H'],
      ['QD', 'QS', '6D', 'QH', 'QC', 'KD'],
    ],
    discardTop: 'JS',
    deck: [],
  },
  actions: [
    { seat: 1, type: 'drawDeck', includes: [{ type: 'roundEnded' }, { type: 'gameEnded' }] },
  ],
  expect: {
    roundScores: [[5, 5, 6]],
    rounds: [
      {
        scores: [
          {
            adjustments: [
              { kind: 'underdogBonus', points: -3 },
              { kind: 'tiedShame', points: 5 },
            ],
            wonHole: true,
          },
          {
            adjustments: [
              { kind: 'underdogBonus', points: -3 },
              { kind: 'tiedShame', points: 5 },
            ],
            wonHole: true,
          },
          { adjustments: [], wonHole: false },
        ],
      },
    ],
  },
} satisfies Scenario;
