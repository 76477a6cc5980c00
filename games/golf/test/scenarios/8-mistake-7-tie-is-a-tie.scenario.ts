import type { Scenario } from './format.ts';

export default {
  name: 'a tie for the lowest total is reported as a tie with every tied seat a winner',
  rule: '3.9 The lowest total wins; 8 mistake 7 (a tie reported as a win for the first player)',
  options: { initialFlips: 0, rounds: 1 },
  seats: 3,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '7C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
      ['AH', '2H', '3H', '4H', '5H', '6H'],
    ],
    discardTop: 'QS',
    deck: [],
  },
  actions: [
    {
      seat: 1,
      type: 'drawDeck',
      events: [
        { type: 'roundEnded' },
        {
          type: 'gameEnded',
          data: {
            outcome: {
              winners: [1, 2],
              tie: true,
              standings: [
                { seat: 1, place: 1, score: 17 },
                { seat: 2, place: 1, score: 17 },
                { seat: 0, place: 3, score: 18 },
              ],
            },
          },
        },
      ],
    },
    { seat: 1, type: 'drawDeck', rejects: 'MATCH_OVER' },
  ],
  expect: {
    roundScores: [[18, 17, 17]],
    outcome: { winners: [1, 2], tie: true },
    state: { players: [{ holesWon: 0 }, { holesWon: 1 }, { holesWon: 1 }] },
  },
} satisfies Scenario;
