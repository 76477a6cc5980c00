import type { Fingerprint, PinnedTable } from './fingerprint.ts';

/**
 * Seeded games that between them use every option, house rule and seat count, with the
 * fingerprints they had when they were pinned (before the rules and the CPU were optimised).
 * A changed fingerprint is a change of behaviour: events, hashes, views, diffs, legal actions,
 * rule errors or CPU choices. Never update one to make a speed-up pass.
 */
export const PINNED_TABLES: readonly (PinnedTable & { expected: Fingerprint })[] = [
  {
    name: 'default rules, 4 seats, 9 holes',
    options: {},
    seats: 4,
    seed: 'pinned/default',
    players: 'cpu',
    expected: {
      events: '7fc4581bc13fb12aaadf2902488bde6f',
      finalState: 'b3df7a163f7122410b2e0ca10c9babdb',
      projections: '53ec455ad426a5d831b4e3ddd28bc693',
      rules: '587f44cbaecb0eb8bdba0d11b76ba3d6',
    },
  },
  {
    name: 'Speed Golf, jokers, Super Kings, knocks and flips as turns, 3 seats',
    options: {
      rounds: 3,
      jokerMode: 'standard',
      flipMode: 'always',
      superKings: true,
      knockEarly: true,
      flipAsAction: true,
      knockPenalty: true,
      knockBonus: true,
    },
    seats: 3,
    seed: 'pinned/speed',
    players: 'cpu',
    expected: {
      events: '0f18a4a2275602441d72c4cbb0bf9727',
      finalState: 'c447760a0a991a890e522c929d786637',
      projections: '1c8d3f648624b945da57974d6876567c',
      rules: '427a7c405c243a1f769fc5c6b239dd4d',
    },
  },
  {
    name: 'starved table: one deck, 6 seats, no initial flips, endgame flips, every bonus',
    options: {
      rounds: 2,
      initialFlips: 0,
      flipMode: 'endgame',
      wolfpack: true,
      fourOfAKind: true,
      oneEyedJacks: true,
      tenPenny: true,
      negativePairsKeepValue: true,
      blackjack: true,
      underdogBonus: true,
      tiedShame: true,
    },
    seats: 6,
    seed: 'pinned/starved',
    players: 'cpu',
    expected: {
      events: '51457d1f040c1f7489cd25e28f22013f',
      finalState: 'b9bb7200819d9a96bbc9be7105d6aa0b',
      projections: '58445a1532eadbb7e51eba113f36b6aa',
      rules: 'cd4805ec4d27df3ef3e7cbcb1d34ba56',
    },
  },
  {
    name: 'Lucky Swing, two decks, one initial flip, 2 seats',
    options: { rounds: 3, decks: 2, jokerMode: 'luckySwing', initialFlips: 1, knockEarly: true },
    seats: 2,
    seed: 'pinned/lucky',
    players: 'cpu',
    expected: {
      events: 'e28ded9d13483905033b2415176d88a4',
      finalState: '52c9b31b2c9e9f41b52dd750824ece40',
      projections: '10551d742b946fc8886465216244e620',
      rules: 'e8f1ecfda9858e39f6c2bf9a00fec842',
    },
  },
  {
    name: 'Eagle Eye, three decks, 5 seats',
    options: { rounds: 2, decks: 3, jokerMode: 'eagleEye', flipMode: 'endgame', knockBonus: true },
    seats: 5,
    seed: 'pinned/eagle',
    players: 'cpu',
    expected: {
      events: '198f1fc7768b5c08d910e24202190076',
      finalState: '1efc557c5301002d629ec58357d61f57',
      projections: '1e1f389cfa2e1426b6c17d88917892e5',
      rules: 'c7047cc807f36021dfe7fc4cf7a43a2d',
    },
  },
  {
    name: 'random legal play, 6 seats, one deck: discards returned, decks reshuffled',
    options: { rounds: 3, initialFlips: 0, knockEarly: true, flipMode: 'endgame' },
    seats: 6,
    seed: 'pinned/random-6',
    players: 'random',
    expected: {
      events: '11b26d226502be57b7c7d40d972d253e',
      finalState: '270c778d043fbddfcc903dc7867ef86d',
      projections: 'bf744f57201d2ab8f52cd83138f8d9f7',
      rules: '58960bfb7edb30350fb4f96b8eda6b84',
    },
  },
  {
    name: 'random legal play, 2 seats, jokers, Speed Golf and flips as turns',
    options: {
      rounds: 4,
      jokerMode: 'standard',
      flipMode: 'always',
      initialFlips: 1,
      flipAsAction: true,
    },
    seats: 2,
    seed: 'pinned/random-2',
    players: 'random',
    expected: {
      events: 'edd0c096e7f66909cfe9d514ae1b6ffb',
      finalState: '0a6c86201bbb41bc8adf2503ae4d3ca3',
      projections: '42c0829113a06707fdec4552ce1989b1',
      rules: 'b8e8195e1c810b6d77c7a55163705201',
    },
  },
];
