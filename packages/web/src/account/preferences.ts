import type { Profile } from '@cardtable/sdk';
import { readJson, writeJson } from '../net/storage.ts';
import { settings } from '../settings/settings.ts';

/** The signed-in account's preferences as last read or saved (none for guests). */
const KEY = 'cardtable.preferences';

/**
 * Keeps the account's preferences in this browser, so the table honours them from the first
 * step of a match without asking the server again; null forgets them (a guest, signed out).
 * The account's theme becomes this browser's (kept with the settings, which the page's head
 * reads before the first paint); signing out keeps it.
 */
export function rememberPreferences(preferences: Profile['preferences'] | null): void {
  writeJson(KEY, preferences);
  if (preferences?.theme) settings.update({ theme: preferences.theme });
}

/** The account asked for less motion at the table ("Reduce motion at the table"). */
export function accountWantsReducedMotion(): boolean {
  return readJson<Profile['preferences']>(KEY)?.reducedMotion === true;
}
