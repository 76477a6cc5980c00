import type { PlayerStats } from './stats.ts';

/** A number read from a player's stats in one game. */
export type StatName =
  | 'games'
  | 'wins'
  | 'bestStreak'
  | 'golf.rounds'
  | 'golf.knockOuts'
  | 'golf.blackjacks'
  | 'golf.perfectRounds';

/** An achievement is data: a stat reaching a threshold, in one game or in any. */
export interface Achievement {
  id: string;
  name: string;
  description: string;
  /** The game whose stats count; null: any game's. */
  game: string | null;
  stat: StatName;
  atLeast: number;
}

export const ACHIEVEMENTS: readonly Achievement[] = [
  {
    id: 'first-game',
    name: 'Pull up a chair',
    description: 'Finish your first match.',
    game: null,
    stat: 'games',
    atLeast: 1,
  },
  {
    id: 'first-win',
    name: 'First win',
    description: 'Win a match.',
    game: null,
    stat: 'wins',
    atLeast: 1,
  },
  {
    id: 'three-in-a-row',
    name: 'Hat trick',
    description: 'Win three matches of one game in a row.',
    game: null,
    stat: 'bestStreak',
    atLeast: 3,
  },
  {
    id: 'ten-in-a-row',
    name: 'Unstoppable',
    description: 'Win ten matches of one game in a row.',
    game: null,
    stat: 'bestStreak',
    atLeast: 10,
  },
  {
    id: 'regular',
    name: 'Regular',
    description: 'Finish 50 matches of one game.',
    game: null,
    stat: 'games',
    atLeast: 50,
  },
  {
    id: 'golf-perfect-round',
    name: 'Perfect round',
    description: 'Score 0 or less in a round of Golf.',
    game: 'golf',
    stat: 'golf.perfectRounds',
    atLeast: 1,
  },
  {
    id: 'golf-blackjack',
    name: 'Blackjack',
    description: 'Turn a round of 21 into 0 under the blackjack rule.',
    game: 'golf',
    stat: 'golf.blackjacks',
    atLeast: 1,
  },
  {
    id: 'golf-closer',
    name: 'Closer',
    description: 'Go out first in 25 rounds of Golf.',
    game: 'golf',
    stat: 'golf.knockOuts',
    atLeast: 25,
  },
];

export const achievementById: ReadonlyMap<string, Achievement> = new Map(
  ACHIEVEMENTS.map((a) => [a.id, a]),
);

export function statValue(stats: PlayerStats, stat: StatName): number {
  switch (stat) {
    case 'games':
    case 'wins':
    case 'bestStreak':
      return stats[stat];
    case 'golf.rounds':
      return stats.golf?.rounds ?? 0;
    case 'golf.knockOuts':
      return stats.golf?.knockOuts ?? 0;
    case 'golf.blackjacks':
      return stats.golf?.blackjacks ?? 0;
    case 'golf.perfectRounds':
      return stats.golf?.perfectRounds ?? 0;
  }
}

/** The achievements these stats of `game` earn that the player does not hold yet. */
export const newlyEarned = (
  game: string,
  stats: PlayerStats,
  held: ReadonlySet<string>,
): Achievement[] =>
  ACHIEVEMENTS.filter(
    (a) =>
      !held.has(a.id) &&
      (a.game === null || a.game === game) &&
      statValue(stats, a.stat) >= a.atLeast,
  );
