import type { Scenario } from './format.ts';

export default {
  name: 'illegal actions during the initial-flip phase are rejected with their codes',
  rule: '3.4 Explicit steps: initial-flip phase',
  options: { knockEarly: true, flipAsAction: true },
  seats: 2,
  seed: 'illegal-initial',
  actions: [
    { seat: 0, type: 'drawDeck', rejects: 'ILLEGAL_ACTION' },
    { seat: 0, type: 'takeDiscard', rejects: 'ILLEGAL_ACTION' },
    { seat: 0, type: 'swap', payload: { slot: 0 }, rejects: 'ILLEGAL_ACTION' },
    { seat: 0, type: 'discard', rejects: 'ILLEGAL_ACTION' },
    { seat: 0, type: 'returnDiscard', rejects: 'ILLEGAL_ACTION' },
    { seat: 0, type: 'skipFlip', rejects: 'ILLEGAL_ACTION' },
    { seat: 0, type: 'flip', payload: { slot: 0 }, rejects: 'FLIP_NOT_ALLOWED' },
    { seat: 0, type: 'knock', rejects: 'KNOCK_NOT_ALLOWED' },
    { seat: 0, type: 'peek', rejects: 'UNKNOWN_ACTION' },
    { seat: 7, type: 'initialFlip', payload: { slots: [0, 1] }, rejects: 'NOT_YOUR_TURN' },
    { seat: 0, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 0, type: 'initialFlip', payload: { slots: [2, 3] }, rejects: 'NOT_YOUR_TURN' },
    { seat: 0, type: 'drawDeck', rejects: 'NOT_YOUR_TURN' },
  ],
} satisfies Scenario;
