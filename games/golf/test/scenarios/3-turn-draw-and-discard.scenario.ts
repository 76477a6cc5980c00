import type { Scenario } from './format.ts';

export default {
  name: 'draw from the deck and discard: under flipMode never the turn simply ends',
  rule: '3.4 A turn: draw, then discard; 4 flipMode never (default)',
  options: { initialFlips: 0 },
  seats: 2,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: 'QS',
    deck: ['9S', '8S'],
  },
  actions: [
    { seat: 1, type: 'drawDeck' },
    {
      seat: 1,
      type: 'discard',
      events: [
        { type: 'cardDiscarded', data: { seat: 1, card: '9S' } },
        { type: 'turnPassed', data: { from: 1, to: 0 } },
      ],
      state: {
        discard: ['QS', '9S'],
        phase: { kind: 'turn', seat: 0, step: { kind: 'awaitingDraw' } },
      },
    },
    { seat: 1, type: 'flip', payload: { slot: 0 }, rejects: 'NOT_YOUR_TURN' },
    {
      seat: 0,
      type: 'takeDiscard',
      events: [{ type: 'discardTaken', data: { seat: 0, card: '9S' } }],
    },
  ],
} satisfies Scenario;
