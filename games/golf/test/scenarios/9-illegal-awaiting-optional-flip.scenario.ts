import type { Scenario } from './format.ts';

export default {
  name: 'illegal actions while an optional flip is offered are rejected with their codes',
  rule: '3.4 Explicit steps: awaiting an optional flip (flipMode endgame, final turn phase)',
  options: { flipMode: 'endgame', knockEarly: true, flipAsAction: true },
  seats: 2,
  seed: 'illegal-optional-flip',
  actions: [
    { seat: 1, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 0, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 1, type: 'flip', payload: { slot: 2 } },
    { seat: 0, type: 'flip', payload: { slot: 2 } },
    { seat: 1, type: 'flip', payload: { slot: 3 } },
    { seat: 0, type: 'drawDeck' },
    // Seat 1 has two face-down cards, nobody has one or none: no flip is offered.
    { seat: 0, type: 'discard', events: [{ type: 'cardDiscarded' }, { type: 'turnPassed' }] },
    { seat: 1, type: 'knock', includes: [{ type: 'wentOut' }] },
    { seat: 0, type: 'drawDeck' },
    {
      seat: 0,
      type: 'discard',
      state: { phase: { step: { kind: 'awaitingFlip', optional: true } } },
    },
    { seat: 0, type: 'drawDeck', rejects: 'ILLEGAL_ACTION' },
    { seat: 0, type: 'takeDiscard', rejects: 'ILLEGAL_ACTION' },
    { seat: 0, type: 'swap', payload: { slot: 3 }, rejects: 'ILLEGAL_ACTION' },
    { seat: 0, type: 'discard', rejects: 'ILLEGAL_ACTION' },
    { seat: 0, type: 'returnDiscard', rejects: 'ILLEGAL_ACTION' },
    { seat: 0, type: 'knock', rejects: 'KNOCK_NOT_ALLOWED' },
    { seat: 0, type: 'flip', payload: { slot: 0 }, rejects: 'ALREADY_FACE_UP' },
    { seat: 0, type: 'flip', payload: { slot: 12 }, rejects: 'SLOT_OUT_OF_RANGE' },
    { seat: 1, type: 'skipFlip', rejects: 'NOT_YOUR_TURN' },
    {
      seat: 0,
      type: 'skipFlip',
      events: [
        { type: 'flipSkipped' },
        { type: 'cardFlipped', data: { slot: 3, reason: 'finalTurn' } },
        { type: 'cardFlipped', data: { slot: 4, reason: 'finalTurn' } },
        { type: 'cardFlipped', data: { slot: 5, reason: 'finalTurn' } },
        { type: 'roundEnded', data: { result: { round: 1, finisher: 1 } } },
        { type: 'roundDealt', data: { round: 2, dealer: 1 } },
      ],
    },
  ],
} satisfies Scenario;
