import type { GameSummary } from '@cardtable/sdk';

/**
 * The built-in games first, in the server's catalog order (Golf, the first game, leads), then
 * the published ones by name. Play counts do not reorder the list: a new player and a regular
 * find every game in the same place, on a fresh server as on a busy one.
 */
export function orderGames(games: readonly GameSummary[]): GameSummary[] {
  const catalogOrder = new Map(games.map((game, index) => [game.slug, index]));
  return [...games].sort((a, b) =>
    a.builtIn && b.builtIn
      ? catalogOrder.get(a.slug)! - catalogOrder.get(b.slug)!
      : Number(b.builtIn) - Number(a.builtIn) ||
        a.name.localeCompare(b.name, 'en') ||
        a.slug.localeCompare(b.slug, 'en'),
  );
}

/** "1 match played", "1,204 matches played". */
export const playCountText = (count: number): string =>
  `${count.toLocaleString('en')} ${count === 1 ? 'match' : 'matches'} played`;
