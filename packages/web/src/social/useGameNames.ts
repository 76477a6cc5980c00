import { useEffect, useState } from 'react';
import { client, ensureBrowsing } from '../net/session.ts';

/**
 * Games by the names players know them by: ratings, stats, match histories and leaderboards
 * name a game by its slug (`golf`, `tcg`, a creator's `lanterns`), which is an address, not a
 * name. A slug the game list does not hold (a game no longer offered) is shown as it is.
 */
export function useGameNames(): (slug: string) => string {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let stale = false;
    void ensureBrowsing().then(async (signedIn) => {
      const games = signedIn.ok ? await client.api.listGames() : signedIn;
      if (!stale && games.ok)
        setNames(new Map(games.value.games.map((game) => [game.slug, game.name])));
    });
    return () => {
      stale = true;
    };
  }, []);
  return (slug) => names.get(slug) ?? slug;
}
