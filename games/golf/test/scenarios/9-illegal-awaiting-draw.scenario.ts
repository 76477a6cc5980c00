import type { Scenario } from './format.ts';

export default {
  name: 'illegal actions at the start of a turn (awaiting a draw) are rejected with their codes',
  rule: '3.4 Explicit steps: awaiting draw',
  options: { initialFlips: 0 },
  seats: 2,
  seed: 'illegal-draw',
  actions: [
    { seat: 0, type: 'drawDeck', rejects: 'NOT_YOUR_TURN' },
    { seat: 1, type: 'swap', payload: { slot: 0 }, rejects: 'ILLEGAL_ACTION' },
    { seat: 1, type: 'discard', rejects: 'ILLEGAL_ACTION' },
    { seat: 1, type: 'returnDiscard', rejects: 'ILLEGAL_ACTION' },
    { seat: 1, type: 'skipFlip', rejects: 'ILLEGAL_ACTION' },
    { seat: 1, type: 'initialFlip', payload: { slots: [] }, rejects: 'ILLEGAL_ACTION' },
    { seat: 1, type: 'flip', payload: { slot: 0 }, rejects: 'FLIP_NOT_ALLOWED' },
    { seat: 1, type: 'knock', rejects: 'KNOCK_NOT_ALLOWED' },
    { seat: 1, type: 'swap', payload: { slot: 'a' }, rejects: 'INVALID_PAYLOAD' },
    { seat: 1, type: 'drawDeck', payload: { fromBottom: true }, rejects: 'INVALID_PAYLOAD' },
    { seat: 1, type: 'drawDeck' },
  ],
} satisfies Scenario;
