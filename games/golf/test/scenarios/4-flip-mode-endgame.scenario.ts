import type { Scenario } from './format.ts';

export default {
  name: 'endgame flips: an optional flip after a discard once any player has at most one face-down card',
  rule: '4 flipMode endgame (no flip early; optional flip or skip near the end and in the final turns)',
  options: { flipMode: 'endgame', rounds: 1 },
  seats: 2,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: 'QS',
    deck: ['7S', '8S', '9S', '10S', 'JS', 'KS', '7H', '8H'],
  },
  actions: [
    { seat: 1, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 0, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 1, type: 'drawDeck' },
    { seat: 1, type: 'swap', payload: { slot: 2 } },
    { seat: 0, type: 'drawDeck' },
    {
      seat: 0,
      type: 'discard',
      events: [{ type: 'cardDiscarded' }, { type: 'turnPassed', data: { from: 0, to: 1 } }],
    },
    { seat: 1, type: 'drawDeck' },
    { seat: 1, type: 'swap', payload: { slot: 3 } },
    { seat: 0, type: 'drawDeck' },
    {
      seat: 0,
      type: 'discard',
      events: [{ type: 'cardDiscarded' }, { type: 'turnPassed', data: { from: 0, to: 1 } }],
    },
    { seat: 1, type: 'drawDeck' },
    { seat: 1, type: 'swap', payload: { slot: 4 } },
    { seat: 0, type: 'drawDeck' },
    {
      seat: 0,
      type: 'discard',
      events: [{ type: 'cardDiscarded', data: { seat: 0, card: 'KS' } }],
      state: { phase: { kind: 'turn', seat: 0, step: { kind: 'awaitingFlip', optional: true } } },
      legalAfter: {
        seat: 0,
        actions: [
          { type: 'flip', payload: { slot: 2 } },
          { type: 'flip', payload: { slot: 3 } },
          { type: 'flip', payload: { slot: 4 } },
          { type: 'flip', payload: { slot: 5 } },
          { type: 'skipFlip', payload: {} },
        ],
      },
    },
    {
      seat: 0,
      type: 'skipFlip',
      events: [
        { type: 'flipSkipped', data: { seat: 0 } },
        { type: 'turnPassed', data: { from: 0, to: 1 } },
      ],
    },
    { seat: 1, type: 'drawDeck' },
    {
      seat: 1,
      type: 'discard',
      state: { phase: { step: { kind: 'awaitingFlip', optional: true } } },
    },
    {
      seat: 1,
      type: 'flip',
      payload: { slot: 5 },
      events: [
        { type: 'cardFlipped', data: { seat: 1, slot: 5, card: '6D', reason: 'afterDiscard' } },
        { type: 'wentOut', data: { seat: 1 } },
        { type: 'turnPassed', data: { from: 1, to: 0 } },
      ],
    },
    { seat: 0, type: 'drawDeck' },
    {
      seat: 0,
      type: 'discard',
      state: { phase: { step: { kind: 'awaitingFlip', optional: true } } },
    },
    {
      seat: 0,
      type: 'flip',
      payload: { slot: 2 },
      events: [
        { type: 'cardFlipped', data: { seat: 0, slot: 2, card: '3C', reason: 'afterDiscard' } },
        { type: 'cardFlipped', data: { seat: 0, slot: 3, card: '4C', reason: 'finalTurn' } },
        { type: 'cardFlipped', data: { seat: 0, slot: 4, card: '5C', reason: 'finalTurn' } },
        { type: 'cardFlipped', data: { seat: 0, slot: 5, card: '6C', reason: 'finalTurn' } },
        { type: 'roundEnded', data: { result: { finisher: 1 } } },
        { type: 'gameEnded' },
      ],
    },
  ],
  expect: {
    // [AC 2C 3C / 4C 5C 6C] = 17; [AD 2D 7S / 9S JS 6D] = 10+8+13
    roundScores: [[17, 31]],
  },
} satisfies Scenario;
