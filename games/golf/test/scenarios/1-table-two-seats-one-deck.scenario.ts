import type { Scenario } from './format.ts';

export default {
  name: 'two seats, one deck: six face-down cards each and one face-up discard',
  rule: '1 Table (2 seats, 1 deck of 52); 3.1 the deal: six face-down cards each, one discard',
  seats: 2,
  seed: 'table-2-1',
  startEvents: [{ type: 'roundDealt', data: { round: 1, dealer: 0, deckCount: 39 } }],
  actions: [
    {
      seat: 0,
      type: 'initialFlip',
      payload: { slots: [0, 1] },
      seenBy: [
        {
          viewer: { kind: 'spectator' },
          view: {
            round: 1,
            dealer: 0,
            deckCount: 39,
            discardCount: 1,
            players: [
              {
                seat: 0,
                owesInitialFlip: false,
                hand: [
                  { faceUp: true },
                  { faceUp: true },
                  { faceUp: false, card: '??' },
                  { faceUp: false, card: '??' },
                  { faceUp: false, card: '??' },
                  { faceUp: false, card: '??' },
                ],
              },
              {
                seat: 1,
                owesInitialFlip: true,
                hand: [
                  { faceUp: false, card: '??' },
                  { faceUp: false, card: '??' },
                  { faceUp: false, card: '??' },
                  { faceUp: false, card: '??' },
                  { faceUp: false, card: '??' },
                  { faceUp: false, card: '??' },
                ],
              },
            ],
          },
        },
      ],
    },
  ],
} satisfies Scenario;
