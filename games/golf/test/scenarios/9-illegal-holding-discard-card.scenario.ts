import type { Scenario } from './format.ts';

export default {
  name: 'illegal actions while holding the taken discard are rejected with their codes',
  rule: '3.4 Explicit steps: holding a card taken from the discard pile',
  options: { initialFlips: 0 },
  seats: 2,
  seed: 'illegal-holding-discard',
  actions: [
    { seat: 1, type: 'takeDiscard' },
    { seat: 1, type: 'discard', rejects: 'MUST_SWAP_DISCARD' },
    { seat: 1, type: 'drawDeck', rejects: 'ILLEGAL_ACTION' },
    { seat: 1, type: 'takeDiscard', rejects: 'ILLEGAL_ACTION' },
    { seat: 1, type: 'skipFlip', rejects: 'ILLEGAL_ACTION' },
    { seat: 1, type: 'flip', payload: { slot: 1 }, rejects: 'FLIP_NOT_ALLOWED' },
    { seat: 1, type: 'knock', rejects: 'KNOCK_NOT_ALLOWED' },
    { seat: 1, type: 'swap', payload: { slot: 9 }, rejects: 'SLOT_OUT_OF_RANGE' },
    { seat: 1, type: 'swap', payload: { slot: 1 } },
  ],
} satisfies Scenario;
