import { readJson, writeJson } from './storage.ts';

/** The match this browser last sat at, so Home can offer the way back to that seat. */
export interface LastMatch {
  matchId: string;
  seat: number | null;
  code: string | null;
  /** The path of its table (Golf and the card games have tables of their own). */
  path?: string;
}

const LAST_MATCH_KEY = 'cardtable.lastMatch';

export const lastMatch = (): LastMatch | null => readJson<LastMatch>(LAST_MATCH_KEY);

export const rememberMatch = (match: LastMatch): void => writeJson(LAST_MATCH_KEY, match);

/**
 * Where a match is played: Golf has its own table, and every other game (the built-in card game
 * and every published one) is played on the card game's table.
 */
export const tablePath = (matchId: string, game: string): string =>
  `/${game === 'golf' ? 'match' : 'tcg'}/${encodeURIComponent(matchId)}`;

/**
 * Forgets the match when it is the one Home offers the way back to: this browser left it, or it
 * closed before its start (nothing there to go back to).
 */
export const forgetMatch = (matchId: string): void => {
  if (lastMatch()?.matchId === matchId) writeJson(LAST_MATCH_KEY, null);
};
