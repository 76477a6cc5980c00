import type { Scenario } from './format.ts';

export default {
  name: 'draw from the deck and swap: the new card lands face up, the old one goes face up to the discard',
  rule: '3.4 A turn: draw, then swap (even a never-seen card goes face up onto the discard pile)',
  options: { initialFlips: 0 },
  seats: 2,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: 'QS',
    deck: ['KS', '8S', '9S'],
  },
  actions: [
    {
      seat: 1,
      type: 'drawDeck',
      events: [{ type: 'deckDrawn', data: { seat: 1, card: 'KS' } }],
      state: {
        phase: { kind: 'turn', seat: 1, step: { kind: 'holding', card: 'KS', source: 'deck' } },
      },
      legalAfter: {
        seat: 1,
        actions: [
          { type: 'swap', payload: { slot: 0 } },
          { type: 'swap', payload: { slot: 1 } },
          { type: 'swap', payload: { slot: 2 } },
          { type: 'swap', payload: { slot: 3 } },
          { type: 'swap', payload: { slot: 4 } },
          { type: 'swap', payload: { slot: 5 } },
          { type: 'discard', payload: {} },
        ],
      },
    },
    {
      seat: 1,
      type: 'swap',
      payload: { slot: 4 },
      events: [
        { type: 'cardSwapped', data: { seat: 1, slot: 4, card: 'KS', replaced: '5D' } },
        { type: 'turnPassed', data: { from: 1, to: 0 } },
      ],
      seenBy: [
        {
          viewer: { kind: 'spectator' },
          events: [
            { type: 'cardSwapped', data: { seat: 1, slot: 4, card: 'KS', replaced: '5D' } },
            { type: 'turnPassed' },
          ],
          view: { discardTop: '5D', discardCount: 2 },
        },
      ],
      state: {
        discard: ['QS', '5D'],
        players: [
          {},
          {
            hand: [
              { faceUp: false },
              { faceUp: false },
              { faceUp: false },
              { faceUp: false },
              { card: 'KS', faceUp: true },
              { faceUp: false },
            ],
          },
        ],
        phase: { kind: 'turn', seat: 0, step: { kind: 'awaitingDraw' } },
      },
    },
  ],
} satisfies Scenario;
