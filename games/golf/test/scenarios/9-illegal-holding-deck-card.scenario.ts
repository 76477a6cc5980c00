import type { Scenario } from './format.ts';

export default {
  name: 'illegal actions while holding a deck draw are rejected with their codes',
  rule: '3.4 Explicit steps: holding a card drawn from the deck',
  options: { initialFlips: 0, knockEarly: true, flipAsAction: true },
  seats: 2,
  seed: 'illegal-holding-deck',
  actions: [
    { seat: 1, type: 'drawDeck' },
    { seat: 1, type: 'drawDeck', rejects: 'ILLEGAL_ACTION' },
    { seat: 1, type: 'takeDiscard', rejects: 'ILLEGAL_ACTION' },
    { seat: 1, type: 'returnDiscard', rejects: 'ILLEGAL_ACTION' },
    { seat: 1, type: 'skipFlip', rejects: 'ILLEGAL_ACTION' },
    { seat: 1, type: 'initialFlip', payload: { slots: [] }, rejects: 'ILLEGAL_ACTION' },
    { seat: 1, type: 'flip', payload: { slot: 0 }, rejects: 'FLIP_NOT_ALLOWED' },
    { seat: 1, type: 'knock', rejects: 'KNOCK_NOT_ALLOWED' },
    { seat: 1, type: 'swap', payload: { slot: 6 }, rejects: 'SLOT_OUT_OF_RANGE' },
    { seat: 1, type: 'swap', payload: { slot: -1 }, rejects: 'SLOT_OUT_OF_RANGE' },
    { seat: 0, type: 'swap', payload: { slot: 0 }, rejects: 'NOT_YOUR_TURN' },
    { seat: 1, type: 'swap', payload: { slot: 5 } },
  ],
} satisfies Scenario;
