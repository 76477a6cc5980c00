import { loadBuiltInGames } from '@cardtable/games';
import { gameRegistry, type GameRegistry } from './games.ts';

/** The CPU that plays a turn whose timer ran out, per game: its steadiest personality. */
const TIMEOUT_PROFILES: Readonly<Record<string, string>> = {
  golf: 'Marcus',
  tcg: 'easy',
  spiritbound: 'easy',
};

/** What `npm start` hosts: every built-in game of the catalog (@cardtable/games). */
export async function defaultGames(): Promise<GameRegistry> {
  const games = await loadBuiltInGames();
  return gameRegistry(
    ...games.map((game) => {
      const timeoutProfile = TIMEOUT_PROFILES[game.name];
      return { game, ...(timeoutProfile ? { timeoutProfile } : {}) };
    }),
  );
}
