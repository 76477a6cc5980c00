import type { Scenario } from './format.ts';

const FACE_DOWN = ['??', '??', '??', '??', '??', '??'];

export default {
  name: 'a deal reaches players and spectators as card backs, with no deck order',
  rule: '7 Hidden information (dealt hands and the deck order never reach a client); 8 mistake 1',
  options: { initialFlips: 0, rounds: 2 },
  seats: 2,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: 'QS',
    deck: [],
  },
  actions: [
    {
      seat: 1,
      type: 'drawDeck',
      seenBy: [
        {
          viewer: { kind: 'seat', seat: 0 },
          events: [
            { type: 'roundEnded', data: { reveal: { length: 12 } } },
            {
              type: 'roundDealt',
              data: { round: 2, hands: [FACE_DOWN, FACE_DOWN], deck: null, deckCount: 39 },
            },
          ],
          view: {
            deckCount: 39,
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
              {},
            ],
          },
        },
        {
          viewer: { kind: 'spectator' },
          events: [
            { type: 'roundEnded' },
            { type: 'roundDealt', data: { hands: [FACE_DOWN, FACE_DOWN], deck: null } },
          ],
        },
      ],
    },
  ],
} satisfies Scenario;
