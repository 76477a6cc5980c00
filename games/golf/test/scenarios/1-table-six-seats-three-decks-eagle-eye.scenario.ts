import type { Scenario } from './format.ts';

export default {
  name: 'six seats, three decks with Eagle Eye jokers: a 162-card shoe',
  rule: '1 Table (6 seats, 3 decks, 2 jokers per deck: 162 cards)',
  options: { decks: 3, jokerMode: 'eagleEye', initialFlips: 0 },
  seats: 6,
  seed: 'table-6-3',
  // 162 - 6 * 6 dealt - 1 discard
  startEvents: [{ type: 'roundDealt', data: { round: 1, dealer: 0, deckCount: 125 } }],
  actions: [
    {
      seat: 1,
      type: 'drawDeck',
      state: {
        deck: { length: 124 },
        phase: { kind: 'turn', seat: 1, step: { kind: 'holding', source: 'deck' } },
      },
    },
  ],
} satisfies Scenario;
