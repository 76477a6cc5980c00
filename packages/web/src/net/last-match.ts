import { readJson, writeJson } from './storage.ts';

/** The match this browser last sat at, so Home can offer the way back to that seat. */
export interface LastMatch {
  matchId: string;
  seat: number | null;
  code: string | null;
}

const LAST_MATCH_KEY = 'cardtable.lastMatch';

export const lastMatch = (): LastMatch | null => readJson<LastMatch>(LAST_MATCH_KEY);

export const rememberMatch = (match: LastMatch): void => writeJson(LAST_MATCH_KEY, match);
