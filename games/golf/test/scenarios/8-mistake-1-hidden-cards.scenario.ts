import type { Scenario } from './format.ts';

export default {
  name: 'nobody sees a face-down card, its owner included; a deck draw is seen by its drawer only',
  rule: '7 Hidden information; 8 mistake 1 (own face-down ranks sent, held card broadcast)',
  seats: 2,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: 'QS',
    deck: ['7S', '8S'],
  },
  actions: [
    {
      seat: 1,
      type: 'initialFlip',
      payload: { slots: [0, 1] },
      seenBy: [
        {
          viewer: { kind: 'seat', seat: 1 },
          events: [
            { type: 'initialFlipped', data: { seat: 1, slots: [0, 1], cards: ['AD', '2D'] } },
          ],
          view: {
            seat: 1,
            players: [
              {
                hand: [
                  { card: '??' },
                  { card: '??' },
                  { card: '??' },
                  { card: '??' },
                  { card: '??' },
                  { card: '??' },
                ],
              },
              {
                hand: [
                  { card: 'AD' },
                  { card: '2D' },
                  { card: '??' },
                  { card: '??' },
                  { card: '??' },
                  { card: '??' },
                ],
              },
            ],
          },
        },
        {
          viewer: { kind: 'all' },
          view: {
            seat: null,
            players: [
              {
                hand: [
                  { card: 'AC' },
                  { card: '2C' },
                  { card: '3C' },
                  { card: '4C' },
                  { card: '5C' },
                  { card: '6C' },
                ],
              },
              {
                hand: [
                  { card: 'AD' },
                  { card: '2D' },
                  { card: '3D' },
                  { card: '4D' },
                  { card: '5D' },
                  { card: '6D' },
                ],
              },
            ],
          },
        },
      ],
    },
    { seat: 0, type: 'initialFlip', payload: { slots: [2, 5] } },
    {
      seat: 1,
      type: 'drawDeck',
      seenBy: [
        {
          viewer: { kind: 'seat', seat: 1 },
          events: [{ type: 'deckDrawn', data: { seat: 1, card: '7S' } }],
          view: {
            phase: { kind: 'turn', seat: 1, step: { kind: 'holding', card: '7S', source: 'deck' } },
          },
        },
        {
          viewer: { kind: 'seat', seat: 0 },
          events: [{ type: 'deckDrawn', data: { seat: 1, card: '??' } }],
          view: {
            phase: { kind: 'turn', seat: 1, step: { kind: 'holding', card: '??', source: 'deck' } },
          },
        },
        {
          viewer: { kind: 'spectator' },
          events: [{ type: 'deckDrawn', data: { seat: 1, card: '??' } }],
          view: { seat: null, phase: { step: { card: '??' } } },
        },
        { viewer: { kind: 'all' }, events: [{ type: 'deckDrawn', data: { seat: 1, card: '7S' } }] },
      ],
    },
    {
      seat: 1,
      type: 'discard',
      seenBy: [
        {
          viewer: { kind: 'seat', seat: 0 },
          events: [{ type: 'cardDiscarded', data: { card: '7S' } }, { type: 'turnPassed' }],
          view: { discardTop: '7S' },
        },
      ],
    },
    // A card taken from the discard pile was public already: everyone sees it held.
    {
      seat: 0,
      type: 'takeDiscard',
      seenBy: [
        {
          viewer: { kind: 'spectator' },
          events: [{ type: 'discardTaken', data: { seat: 0, card: '7S' } }],
          view: { phase: { step: { kind: 'holding', card: '7S', source: 'discard' } } },
        },
      ],
    },
    {
      seat: 0,
      type: 'swap',
      payload: { slot: 4 },
      seenBy: [
        {
          viewer: { kind: 'seat', seat: 1 },
          events: [
            { type: 'cardSwapped', data: { seat: 0, slot: 4, card: '7S', replaced: '5C' } },
            { type: 'turnPassed' },
          ],
          view: {
            players: [
              {
                hand: [
                  { card: '??' },
                  { card: '??' },
                  { card: '3C' },
                  { card: '??' },
                  { card: '7S' },
                  { card: '6C' },
                ],
              },
              {},
            ],
          },
        },
      ],
    },
  ],
} satisfies Scenario;
