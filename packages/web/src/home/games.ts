import type { GameSummary } from '@cardtable/sdk';

/** Built-in games first, then the published ones, most played first, then by name. */
export function orderGames(games: readonly GameSummary[]): GameSummary[] {
  return [...games].sort(
    (a, b) =>
      Number(b.builtIn) - Number(a.builtIn) ||
      b.playCount - a.playCount ||
      a.name.localeCompare(b.name),
  );
}

/** "1 match played", "1,204 matches played". */
export const playCountText = (count: number): string =>
  `${count.toLocaleString('en')} ${count === 1 ? 'match' : 'matches'} played`;
