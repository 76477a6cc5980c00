import type { Scenario } from './format.ts';

export default {
  name: 'Lucky Swing is one option that the scoring and the display agree on: the joker is -5',
  rule: '5 jokerMode=luckySwing (joker -5); 8 mistake 5 (joker flags that disagree)',
  options: { initialFlips: 0, rounds: 1, jokerMode: 'luckySwing', decks: 2 },
  seats: 2,
  deal: {
    hands: [
      ['JK', '3C', '4C', '5C', '6C', '7C'],
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
          viewer: { kind: 'spectator' },
          view: {
            options: { jokerMode: 'luckySwing' },
            cardValues: { JOKER: -5, K: 0, '2': -2 },
            activeRules: ['Lucky Swing (one joker, -5)'],
          },
        },
      ],
    },
  ],
  expect: {
    // [JK 3C 4C / 5C 6C 7C] = 0+9+11
    roundScores: [[20, 17]],
    rounds: [{ scores: [{ columns: [0, 9, 11] }, { columns: [5, 3, 9] }] }],
  },
} satisfies Scenario;
