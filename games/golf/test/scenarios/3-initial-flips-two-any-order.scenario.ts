import type { Scenario } from './format.ts';

export default {
  name: 'two initial flips each, in any order; play starts when everyone has flipped',
  rule: '3.2 Initial flips (initialFlips 2, no turn order in this phase); 3.3 first player',
  seats: 3,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
      ['AH', '2H', '3H', '4H', '5H', '6H'],
    ],
    discardTop: 'QS',
    deck: ['7S', '8S', '9S'],
  },
  actions: [
    {
      seat: 2,
      type: 'initialFlip',
      payload: { slots: [5, 1] },
      events: [{ type: 'initialFlipped', data: { seat: 2, slots: [1, 5], cards: ['2H', '6H'] } }],
      state: { phase: { kind: 'initialFlip', pending: [0, 1] } },
    },
    { seat: 2, type: 'initialFlip', payload: { slots: [0, 3] }, rejects: 'NOT_YOUR_TURN' },
    {
      seat: 0,
      type: 'initialFlip',
      payload: { slots: [0, 3] },
      events: [{ type: 'initialFlipped', data: { seat: 0, slots: [0, 3], cards: ['AC', '4C'] } }],
      state: { phase: { kind: 'initialFlip', pending: [1] } },
    },
    {
      seat: 1,
      type: 'initialFlip',
      payload: { slots: [2, 4] },
      events: [{ type: 'initialFlipped', data: { seat: 1, slots: [2, 4], cards: ['3D', '5D'] } }],
      // Dealer is seat 0: the seat after the dealer plays first.
      state: { phase: { kind: 'turn', seat: 1, step: { kind: 'awaitingDraw' } } },
    },
  ],
  expect: {
    state: {
      players: [
        {
          hand: [
            { faceUp: true },
            { faceUp: false },
            { faceUp: false },
            { faceUp: true },
            { faceUp: false },
            { faceUp: false },
          ],
        },
        {
          hand: [
            { faceUp: false },
            { faceUp: false },
            { faceUp: true },
            { faceUp: false },
            { faceUp: true },
            { faceUp: false },
          ],
        },
        {
          hand: [
            { faceUp: false },
            { faceUp: true },
            { faceUp: false },
            { faceUp: false },
            { faceUp: false },
            { faceUp: true },
          ],
        },
      ],
    },
  },
} satisfies Scenario;
