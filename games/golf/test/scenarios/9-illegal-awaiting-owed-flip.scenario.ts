import type { Scenario } from './format.ts';

export default {
  name: 'illegal actions while a flip is owed (Speed Golf) are rejected with their codes',
  rule: '3.4 Explicit steps: awaiting an owed flip (flipMode always)',
  options: { flipMode: 'always', knockEarly: true },
  seats: 2,
  seed: 'illegal-owed-flip',
  actions: [
    { seat: 1, type: 'initialFlip', payload: { slots: [0, 4] } },
    { seat: 0, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 1, type: 'drawDeck' },
    { seat: 1, type: 'discard' },
    { seat: 1, type: 'skipFlip', rejects: 'FLIP_REQUIRED' },
    { seat: 1, type: 'drawDeck', rejects: 'ILLEGAL_ACTION' },
    { seat: 1, type: 'takeDiscard', rejects: 'ILLEGAL_ACTION' },
    { seat: 1, type: 'swap', payload: { slot: 1 }, rejects: 'ILLEGAL_ACTION' },
    { seat: 1, type: 'discard', rejects: 'ILLEGAL_ACTION' },
    { seat: 1, type: 'returnDiscard', rejects: 'ILLEGAL_ACTION' },
    { seat: 1, type: 'knock', rejects: 'KNOCK_NOT_ALLOWED' },
    { seat: 1, type: 'flip', payload: { slot: 4 }, rejects: 'ALREADY_FACE_UP' },
    { seat: 1, type: 'flip', payload: { slot: 6 }, rejects: 'SLOT_OUT_OF_RANGE' },
    { seat: 1, type: 'flip', payload: {}, rejects: 'INVALID_PAYLOAD' },
    { seat: 0, type: 'flip', payload: { slot: 2 }, rejects: 'NOT_YOUR_TURN' },
    {
      seat: 1,
      type: 'flip',
      payload: { slot: 1 },
      events: [
        { type: 'cardFlipped', data: { seat: 1, slot: 1, reason: 'afterDiscard' } },
        { type: 'turnPassed' },
      ],
    },
  ],
} satisfies Scenario;
