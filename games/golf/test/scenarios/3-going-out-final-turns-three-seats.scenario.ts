import type { Scenario } from './format.ts';

export default {
  name: 'going out: every other player gets one final turn in seat order, then all their cards turn up',
  rule: '3.6 Going out and the final turn phase (knock during final turns allowed; first finisher stays)',
  options: { knockEarly: true, rounds: 1 },
  seats: 3,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
      ['AH', '2H', '3H', '4H', '5H', '6H'],
    ],
    discardTop: 'QS',
    deck: ['7S', '8S', '9S', '10S', 'JS', 'KS', '7H', '7C'],
  },
  actions: [
    { seat: 0, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 1, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 2, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 1, type: 'drawDeck' },
    { seat: 1, type: 'swap', payload: { slot: 2 } },
    { seat: 2, type: 'drawDeck' },
    { seat: 2, type: 'swap', payload: { slot: 2 } },
    { seat: 0, type: 'drawDeck' },
    { seat: 0, type: 'discard' },
    { seat: 1, type: 'drawDeck' },
    { seat: 1, type: 'swap', payload: { slot: 3 } },
    { seat: 2, type: 'drawDeck' },
    { seat: 2, type: 'swap', payload: { slot: 3 } },
    { seat: 0, type: 'drawDeck' },
    { seat: 0, type: 'discard' },
    {
      seat: 1,
      type: 'knock',
      events: [
        { type: 'cardFlipped', data: { seat: 1, slot: 4, card: '5D', reason: 'knock' } },
        { type: 'cardFlipped', data: { seat: 1, slot: 5, card: '6D', reason: 'knock' } },
        { type: 'wentOut', data: { seat: 1 } },
        { type: 'turnPassed', data: { from: 1, to: 2 } },
      ],
      state: { finisher: 1, finalTurnsLeft: [2, 0] },
    },
    { seat: 1, type: 'drawDeck', rejects: 'NOT_YOUR_TURN' },
    {
      seat: 2,
      type: 'knock',
      events: [
        { type: 'cardFlipped', data: { seat: 2, slot: 4, card: '5H', reason: 'knock' } },
        { type: 'cardFlipped', data: { seat: 2, slot: 5, card: '6H', reason: 'knock' } },
        { type: 'turnPassed', data: { from: 2, to: 0 } },
      ],
      excludes: ['wentOut'],
      state: { finisher: 1, finalTurnsLeft: [0] },
    },
    { seat: 0, type: 'drawDeck' },
    {
      seat: 0,
      type: 'swap',
      payload: { slot: 5 },
      events: [
        { type: 'cardSwapped', data: { seat: 0, slot: 5, card: '7H', replaced: '6C' } },
        { type: 'cardFlipped', data: { seat: 0, slot: 2, card: '3C', reason: 'finalTurn' } },
        { type: 'cardFlipped', data: { seat: 0, slot: 3, card: '4C', reason: 'finalTurn' } },
        { type: 'cardFlipped', data: { seat: 0, slot: 4, card: '5C', reason: 'finalTurn' } },
        {
          type: 'roundEnded',
          data: { reveal: [], result: { finisher: 1, reason: 'finalTurnsDone' } },
        },
        { type: 'gameEnded', data: { outcome: { winners: [0], tie: false } } },
      ],
    },
  ],
  expect: {
    // [AC 2C 3C / 4C 5C 7H] = 5+3+10; [AD 2D 7S / 10S 5D 6D] = 11+3+13; [AH 2H 8S / JS 5H 6H] = 11+3+14
    roundScores: [[18, 27, 28]],
    rounds: [{ scores: [{ wonHole: true }, { wonHole: false }, { wonHole: false }] }],
  },
} satisfies Scenario;
