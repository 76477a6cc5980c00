import type { Profile } from '@cardtable/sdk';
import { readJson, writeJson } from '../net/storage.ts';

/** The signed-in account's preferences as last read or saved (none for guests). */
const KEY = 'cardtable.preferences';

/**
 * Keeps the account's preferences in this browser, so the table honours them from the first
 * step of a match without asking the server again; null forgets them (a guest, signed out).
 */
export function rememberPreferences(preferences: Profile['preferences'] | null): void {
  writeJson(KEY, preferences);
}

/** The account asked for less motion at the table ("Reduce motion at the table"). */
export function accountWantsReducedMotion(): boolean {
  return readJson<Profile['preferences']>(KEY)?.reducedMotion === true;
}
