import { findGame, gameNames } from '@cardtable/games';
import { gameRegistry, type GameRegistry, type HostedGame } from './games.ts';

/** The CPU that plays a turn whose timer ran out, per game: its steadiest personality. */
const TIMEOUT_PROFILES: Readonly<Record<string, string>> = { golf: 'Marcus' };

/** What `npm start` hosts: every game of the catalog (@cardtable/games). */
export function defaultGames(): GameRegistry {
  const hosted = gameNames().map((name): HostedGame => {
    const timeoutProfile = TIMEOUT_PROFILES[name];
    return { game: findGame(name)!, ...(timeoutProfile ? { timeoutProfile } : {}) };
  });
  return gameRegistry(...hosted);
}
