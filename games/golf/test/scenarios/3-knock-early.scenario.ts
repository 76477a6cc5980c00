import type { Scenario } from './format.ts';

export default {
  name: 'early knock: with 1 or 2 face-down cards, before drawing, flip them all and go out',
  rule: '3.4 / 5 House rule knockEarly (an early knock ends the turn with six face-up cards)',
  options: { knockEarly: true, rounds: 1 },
  seats: 2,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: 'QS',
    deck: ['7S', '8S', '9S', '10S', 'JS', 'KS', '7H'],
  },
  actions: [
    { seat: 1, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 0, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 1, type: 'knock', rejects: 'KNOCK_NOT_ALLOWED' },
    { seat: 1, type: 'drawDeck' },
    { seat: 1, type: 'knock', rejects: 'KNOCK_NOT_ALLOWED' },
    { seat: 1, type: 'swap', payload: { slot: 2 } },
    { seat: 0, type: 'drawDeck' },
    { seat: 0, type: 'discard' },
    { seat: 1, type: 'knock', rejects: 'KNOCK_NOT_ALLOWED' },
    { seat: 1, type: 'drawDeck' },
    {
      seat: 1,
      type: 'swap',
      payload: { slot: 3 },
      legalAfter: {
        seat: 0,
        actions: [
          { type: 'drawDeck', payload: {} },
          { type: 'takeDiscard', payload: {} },
        ],
      },
    },
    { seat: 0, type: 'drawDeck' },
    {
      seat: 0,
      type: 'discard',
      legalAfter: {
        seat: 1,
        actions: [
          { type: 'drawDeck', payload: {} },
          { type: 'takeDiscard', payload: {} },
          { type: 'knock', payload: {} },
        ],
      },
    },
    {
      seat: 1,
      type: 'knock',
      events: [
        { type: 'cardFlipped', data: { seat: 1, slot: 4, card: '5D', reason: 'knock' } },
        { type: 'cardFlipped', data: { seat: 1, slot: 5, card: '6D', reason: 'knock' } },
        { type: 'wentOut', data: { seat: 1 } },
        { type: 'turnPassed', data: { from: 1, to: 0 } },
      ],
      state: { finisher: 1, finalTurnsLeft: [0] },
    },
    { seat: 0, type: 'drawDeck' },
    {
      seat: 0,
      type: 'swap',
      payload: { slot: 2 },
      events: [
        { type: 'cardSwapped', data: { seat: 0, slot: 2, card: 'JS', replaced: '3C' } },
        { type: 'cardFlipped', data: { seat: 0, slot: 3, card: '4C', reason: 'finalTurn' } },
        { type: 'cardFlipped', data: { seat: 0, slot: 4, card: '5C', reason: 'finalTurn' } },
        { type: 'cardFlipped', data: { seat: 0, slot: 5, card: '6C', reason: 'finalTurn' } },
        {
          type: 'roundEnded',
          data: { reveal: [], result: { finisher: 1, reason: 'finalTurnsDone' } },
        },
        { type: 'gameEnded', data: { outcome: { winners: [0], tie: false } } },
      ],
    },
  ],
  expect: {
    // [AC 2C JS / 4C 5C 6C] = 5 + 3 + 16; [AD 2D 7S / 9S 5D 6D] = 10 + 3 + 13
    roundScores: [[24, 26]],
    totals: [24, 26],
  },
} satisfies Scenario;
