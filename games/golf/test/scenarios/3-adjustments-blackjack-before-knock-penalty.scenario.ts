import type { Scenario } from './format.ts';

export default {
  name: 'Blackjack comes before the knock penalty: a finisher on 21 scores 0, is lowest, and takes no penalty',
  rule: '3.8 Round adjustments in fixed order (Blackjack, Knock penalty, Knock bonus, Underdog)',
  options: {
    knockEarly: true,
    blackjack: true,
    knockPenalty: true,
    knockBonus: true,
    underdogBonus: true,
    rounds: 1,
  },
  seats: 2,
  deal: {
    hands: [
      ['AC', '3C', '4C', '9C', '2C', '5C'],
      ['10D', '5D', 'KD', '2D', 'AD', 'AS'],
    ],
    discardTop: 'KS',
    deck: [],
  },
  // Taking the discard and swapping keeps one card on the pile, so the empty deck ends the round.
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
    { seat: 0, type: 'drawDeck', includes: [{ type: 'roundEnded' }] },
  ],
  expect: {
    // Seat 1: [10D 5D KS / 4C AD AS] = 14+6+1 = 21 -> 0 -> (0 is lowest: no penalty) -> -5 -> -8.
    // Seat 0: [AC 3C KD / 2D 2C 5C] = -1+1+5 = 5.
    roundScores: [[5, -8]],
    rounds: [
      {
        finisher: 1,
        scores: [
          { columns: [-1, 1, 5], adjustments: [], wonHole: false },
          {
            columns: [14, 6, 1],
            adjustments: [
              { kind: 'blackjack', points: -21 },
              { kind: 'knockBonus', points: -5 },
              { kind: 'underdogBonus', points: -3 },
            ],
            wonHole: true,
          },
        ],
      },
    ],
  },
} satisfies Scenario;
