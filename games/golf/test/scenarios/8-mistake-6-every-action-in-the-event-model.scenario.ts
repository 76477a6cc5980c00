import type { Scenario } from './format.ts';

export default {
  name: 'every kind of action produces events of the event model, and the match replays byte for byte',
  rule: '8 mistake 6 (an action whose event is not part of the event model); replay verification',
  options: { flipMode: 'endgame', flipAsAction: true, knockEarly: true, rounds: 1 },
  seats: 2,
  seed: 'every-action',
  actions: [
    {
      seat: 1,
      type: 'initialFlip',
      payload: { slots: [0, 1] },
      events: [{ type: 'initialFlipped' }],
    },
    {
      seat: 0,
      type: 'initialFlip',
      payload: { slots: [0, 1] },
      events: [{ type: 'initialFlipped' }],
    },
    { seat: 1, type: 'takeDiscard', events: [{ type: 'discardTaken' }] },
    { seat: 1, type: 'returnDiscard', events: [{ type: 'discardReturned' }] },
    { seat: 1, type: 'drawDeck', events: [{ type: 'deckDrawn' }] },
    {
      seat: 1,
      type: 'swap',
      payload: { slot: 2 },
      events: [{ type: 'cardSwapped' }, { type: 'turnPassed' }],
    },
    {
      seat: 0,
      type: 'flip',
      payload: { slot: 2 },
      events: [{ type: 'cardFlipped', data: { reason: 'flipAction' } }, { type: 'turnPassed' }],
    },
    { seat: 1, type: 'drawDeck' },
    { seat: 1, type: 'swap', payload: { slot: 3 } },
    { seat: 0, type: 'drawDeck' },
    { seat: 0, type: 'discard', events: [{ type: 'cardDiscarded' }, { type: 'turnPassed' }] },
    {
      seat: 1,
      type: 'knock',
      events: [
        { type: 'cardFlipped', data: { reason: 'knock' } },
        { type: 'cardFlipped', data: { reason: 'knock' } },
        { type: 'wentOut' },
        { type: 'turnPassed' },
      ],
    },
    { seat: 0, type: 'drawDeck' },
    { seat: 0, type: 'discard', events: [{ type: 'cardDiscarded' }] },
    {
      seat: 0,
      type: 'skipFlip',
      events: [
        { type: 'flipSkipped' },
        { type: 'cardFlipped', data: { reason: 'finalTurn' } },
        { type: 'cardFlipped', data: { reason: 'finalTurn' } },
        { type: 'cardFlipped', data: { reason: 'finalTurn' } },
        { type: 'roundEnded' },
        { type: 'gameEnded' },
      ],
    },
  ],
  expect: { state: { phase: { kind: 'gameOver' } } },
} satisfies Scenario;
