import type { Scenario } from './format.ts';

export default {
  name: 'deck exhaustion: all discards but the top one are shuffled into a new deck and the draw goes ahead',
  rule: '3.5 Deck exhaustion (reshuffle, recorded in deckReshuffled; the new deck order stays hidden)',
  options: { initialFlips: 0 },
  seats: 2,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: '9C',
    deck: ['5H', '6H'],
  },
  actions: [
    { seat: 1, type: 'drawDeck' },
    { seat: 1, type: 'discard' },
    { seat: 0, type: 'drawDeck' },
    { seat: 0, type: 'discard', state: { deck: [], discard: ['9C', '5H', '6H'] } },
    {
      seat: 1,
      type: 'drawDeck',
      events: [
        { type: 'deckReshuffled', data: { deckCount: 2 } },
        { type: 'deckDrawn', data: { seat: 1 } },
      ],
      seenBy: [
        {
          viewer: { kind: 'seat', seat: 0 },
          events: [
            { type: 'deckReshuffled', data: { deck: null, deckCount: 2 } },
            { type: 'deckDrawn', data: { seat: 1, card: '??' } },
          ],
          view: { deckCount: 1, discardCount: 1, discardTop: '6H' },
        },
        {
          viewer: { kind: 'spectator' },
          events: [
            { type: 'deckReshuffled', data: { deck: null, deckCount: 2 } },
            { type: 'deckDrawn', data: { seat: 1, card: '??' } },
          ],
        },
      ],
      state: { deck: { length: 1 }, discard: ['6H'] },
    },
  ],
} satisfies Scenario;
