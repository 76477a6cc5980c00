import type { Scenario } from './format.ts';

export default {
  name: 'an invalid initial-flip submission is rejected whole and changes nothing',
  rule: '3.2 / 8 mistake 3 (duplicate slots accepted, or part of an invalid submission applied)',
  seats: 2,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: 'QS',
    deck: ['7S'],
  },
  actions: [
    { seat: 0, type: 'initialFlip', payload: { slots: [2, 2] }, rejects: 'INVALID_INITIAL_FLIP' },
    {
      seat: 0,
      type: 'initialFlip',
      payload: { slots: [0, 1, 2] },
      rejects: 'INVALID_INITIAL_FLIP',
    },
    { seat: 0, type: 'initialFlip', payload: { slots: [1] }, rejects: 'INVALID_INITIAL_FLIP' },
    { seat: 0, type: 'initialFlip', payload: { slots: [6, 1] }, rejects: 'INVALID_INITIAL_FLIP' },
    { seat: 0, type: 'initialFlip', payload: { slots: [-1, 0] }, rejects: 'INVALID_INITIAL_FLIP' },
    { seat: 0, type: 'initialFlip', payload: { slots: [] }, rejects: 'INVALID_INITIAL_FLIP' },
    { seat: 0, type: 'initialFlip', payload: { slots: [0.5, 1] }, rejects: 'INVALID_PAYLOAD' },
    { seat: 0, type: 'initialFlip', payload: { slots: '0,1' }, rejects: 'INVALID_PAYLOAD' },
    { seat: 0, type: 'initialFlip', payload: {}, rejects: 'INVALID_PAYLOAD' },
    {
      seat: 0,
      type: 'initialFlip',
      payload: { slots: [3, 2] },
      events: [{ type: 'initialFlipped', data: { seat: 0, slots: [2, 3], cards: ['3C', '4C'] } }],
    },
    { seat: 0, type: 'initialFlip', payload: { slots: [0, 1] }, rejects: 'NOT_YOUR_TURN' },
  ],
  expect: {
    state: {
      phase: { kind: 'initialFlip', pending: [1] },
      players: [
        {
          hand: [
            { faceUp: false },
            { faceUp: false },
            { faceUp: true },
            { faceUp: true },
            { faceUp: false },
            { faceUp: false },
          ],
        },
        {
          hand: [
            { faceUp: false },
            { faceUp: false },
            { faceUp: false },
            { faceUp: false },
            { faceUp: false },
            { faceUp: false },
          ],
        },
      ],
    },
  },
} satisfies Scenario;
