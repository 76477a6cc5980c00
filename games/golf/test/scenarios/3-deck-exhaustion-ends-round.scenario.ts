import type { Scenario } from './format.ts';

export default {
  name: 'deck exhaustion with one discard: the round ends at once and is scored as it stands',
  rule: '3.5 Deck exhaustion (discard pile of one card: the round ends, every card turns up)',
  options: { initialFlips: 0, rounds: 1 },
  seats: 2,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: 'QS',
    deck: [],
  },
  actions: [
    { seat: 1, type: 'takeDiscard' },
    { seat: 1, type: 'swap', payload: { slot: 0 }, state: { discard: ['AD'] } },
    {
      seat: 0,
      type: 'drawDeck',
      events: [
        {
          type: 'roundEnded',
          data: {
            reveal: [
              { seat: 0, slot: 0, card: 'AC' },
              { seat: 0, slot: 1, card: '2C' },
              { seat: 0, slot: 2, card: '3C' },
              { seat: 0, slot: 3, card: '4C' },
              { seat: 0, slot: 4, card: '5C' },
              { seat: 0, slot: 5, card: '6C' },
              { seat: 1, slot: 1, card: '2D' },
              { seat: 1, slot: 2, card: '3D' },
              { seat: 1, slot: 3, card: '4D' },
              { seat: 1, slot: 4, card: '5D' },
              { seat: 1, slot: 5, card: '6D' },
            ],
            result: { round: 1, finisher: null, reason: 'deckExhausted' },
          },
        },
        { type: 'gameEnded', data: { outcome: { winners: [0], tie: false } } },
      ],
    },
  ],
  expect: {
    // [AC 2C 3C / 4C 5C 6C] = 5+3+9; [QS 2D 3D / 4D 5D 6D] = 14+3+9
    roundScores: [[17, 26]],
    rounds: [
      {
        reason: 'deckExhausted',
        scores: [
          {
            seat: 0,
            columns: [5, 3, 9],
            adjustments: [],
            roundScore: 17,
            totalAfter: 17,
            wonHole: true,
          },
          {
            seat: 1,
            columns: [14, 3, 9],
            adjustments: [],
            roundScore: 26,
            totalAfter: 26,
            wonHole: false,
          },
        ],
      },
    ],
    state: { phase: { kind: 'gameOver' } },
  },
} satisfies Scenario;
