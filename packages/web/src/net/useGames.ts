import { useEffect, useState } from 'react';
import type { GameSummary } from '@cardtable/sdk';
import { orderGames } from '../home/games.ts';
import { client, ensureBrowsing } from './session.ts';

/** The games this server offers, once signed in (the list is under auth like the whole API). */
export function useGames(): { list: GameSummary[] | null; error: string | null } {
  const [games, setGames] = useState<{ list: GameSummary[] | null; error: string | null }>({
    list: null,
    error: null,
  });
  useEffect(() => {
    let stale = false;
    void ensureBrowsing().then(async (signedIn) => {
      const result = signedIn.ok ? await client.api.listGames() : signedIn;
      if (stale) return;
      setGames(
        result.ok
          ? { list: orderGames(result.value.games), error: null }
          : { list: null, error: result.error.message },
      );
    });
    return () => {
      stale = true;
    };
  }, []);
  return games;
}
