import type { Scenario } from './format.ts';

export default {
  name: 'the dealer moves one seat each round and the seat after the dealer plays first',
  rule: '3.3 Dealer rotation (seat 0 deals round 1); 3.9 rounds',
  options: { initialFlips: 0, rounds: 3 },
  seats: 3,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
      ['AH', '2H', '3H', '4H', '5H', '6H'],
    ],
    discardTop: 'QS',
    deck: [],
  },
  actions: [
    { seat: 0, type: 'drawDeck', rejects: 'NOT_YOUR_TURN' },
    {
      seat: 1,
      type: 'drawDeck',
      events: [
        { type: 'roundEnded', data: { result: { round: 1, reason: 'deckExhausted' } } },
        { type: 'roundDealt', data: { round: 2, dealer: 1, deckCount: 33 } },
      ],
      state: {
        round: 2,
        dealer: 1,
        phase: { kind: 'turn', seat: 2, step: { kind: 'awaitingDraw' } },
      },
    },
    { seat: 1, type: 'drawDeck', rejects: 'NOT_YOUR_TURN' },
    { seat: 2, type: 'drawDeck' },
  ],
  expect: {
    // Seats 0 and 1 score 17, seat 2 scores 5+3+9 = 17 as well: three holes won.
    roundScores: [[17, 17, 17]],
    state: { players: [{ holesWon: 1 }, { holesWon: 1 }, { holesWon: 1 }] },
  },
} satisfies Scenario;
