import type { Scenario } from './format.ts';

export default {
  name: 'take the discard: it must be swapped; it may be put back and the choice made again',
  rule: '3.4 A turn: take the top discard (no discarding it again; cancel and put it back)',
  options: { initialFlips: 0 },
  seats: 2,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: 'KS',
    deck: ['9S', '8S'],
  },
  actions: [
    {
      seat: 1,
      type: 'takeDiscard',
      events: [{ type: 'discardTaken', data: { seat: 1, card: 'KS' } }],
      state: { discard: [], phase: { step: { kind: 'holding', card: 'KS', source: 'discard' } } },
      legalAfter: {
        seat: 1,
        actions: [
          { type: 'swap', payload: { slot: 0 } },
          { type: 'swap', payload: { slot: 1 } },
          { type: 'swap', payload: { slot: 2 } },
          { type: 'swap', payload: { slot: 3 } },
          { type: 'swap', payload: { slot: 4 } },
          { type: 'swap', payload: { slot: 5 } },
          { type: 'returnDiscard', payload: {} },
        ],
      },
    },
    { seat: 1, type: 'discard', rejects: 'MUST_SWAP_DISCARD' },
    {
      seat: 1,
      type: 'returnDiscard',
      events: [{ type: 'discardReturned', data: { seat: 1, card: 'KS' } }],
      state: { discard: ['KS'], phase: { seat: 1, step: { kind: 'awaitingDraw' } } },
    },
    { seat: 1, type: 'takeDiscard' },
    {
      seat: 1,
      type: 'swap',
      payload: { slot: 0 },
      events: [
        { type: 'cardSwapped', data: { seat: 1, slot: 0, card: 'KS', replaced: 'AD' } },
        { type: 'turnPassed', data: { from: 1, to: 0 } },
      ],
      state: { discard: ['AD'] },
    },
    // Choosing again after putting the card back: this time the deck.
    { seat: 0, type: 'takeDiscard' },
    { seat: 0, type: 'returnDiscard' },
    { seat: 0, type: 'drawDeck', events: [{ type: 'deckDrawn', data: { seat: 0, card: '9S' } }] },
    { seat: 0, type: 'returnDiscard', rejects: 'ILLEGAL_ACTION' },
    { seat: 0, type: 'discard', state: { discard: ['AD', '9S'] } },
  ],
} satisfies Scenario;
