import { useMemo } from 'react';
import { useGames } from '../net/useGames.ts';

/**
 * Games by the names players know them by: ratings, stats, match histories and leaderboards
 * name a game by its slug (`golf`, `tcg`, a creator's `lanterns`), which is an address, not a
 * name. A slug the game list does not hold (a game no longer offered) is shown as it is.
 */
export function useGameNames(): (slug: string) => string {
  const { list } = useGames();
  return useMemo(() => {
    const names = new Map((list ?? []).map((game) => [game.slug, game.name]));
    return (slug: string) => names.get(slug) ?? slug;
  }, [list]);
}
