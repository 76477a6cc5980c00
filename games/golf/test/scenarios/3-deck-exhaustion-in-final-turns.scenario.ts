import type { Scenario } from './format.ts';

export default {
  name: 'deck exhaustion during the final turns: the round ends at once and the finisher is still the finisher',
  rule: '3.5 Deck exhaustion in the final turn phase; 5 knockPenalty (+10 above the lowest) stacks with knockBonus (-5)',
  options: { knockEarly: true, knockPenalty: true, knockBonus: true, rounds: 1 },
  seats: 2,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['7D', '8D', '9D', '10D', 'JD', 'QD'],
    ],
    discardTop: 'KS',
    deck: [],
  },
  actions: [
    { seat: 1, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 0, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 1, type: 'takeDiscard' },
    { seat: 1, type: 'swap', payload: { slot: 2 } },
    { seat: 0, type: 'takeDiscard' },
    { seat: 0, type: 'swap', payload: { slot: 2 } },
    { seat: 1, type: 'takeDiscard' },
    { seat: 1, type: 'swap', payload: { slot: 3 } },
    { seat: 0, type: 'takeDiscard' },
    { seat: 0, type: 'swap', payload: { slot: 3 } },
    { seat: 1, type: 'knock', includes: [{ type: 'wentOut', data: { seat: 1 } }] },
    {
      seat: 0,
      type: 'drawDeck',
      events: [
        {
          type: 'roundEnded',
          data: {
            reveal: [
              { seat: 0, slot: 4, card: '5C' },
              { seat: 0, slot: 5, card: '6C' },
            ],
            result: { finisher: 1, reason: 'deckExhausted' },
          },
        },
        { type: 'gameEnded' },
      ],
    },
  ],
  expect: {
    // [AC 2C 9D / 10D 5C 6C] = 11+3+15 = 29; [7D 8D KS / 3C JD QD] = 10+18+10 = 38, +10, -5
    roundScores: [[29, 43]],
    rounds: [
      {
        scores: [
          { adjustments: [] },
          {
            adjustments: [
              { kind: 'knockPenalty', points: 10 },
              { kind: 'knockBonus', points: -5 },
            ],
          },
        ],
      },
    ],
  },
} satisfies Scenario;
