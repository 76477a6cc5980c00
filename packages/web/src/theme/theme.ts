import type { Preferences } from '@cardtable/sdk';

/** What a reader may ask for: follow the system's light or dark, or force one. */
export type ThemePreference = NonNullable<Preferences['theme']>;
export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];
export const DEFAULT_THEME: ThemePreference = 'system';

/** The theme a page is drawn in. */
export type Theme = 'light' | 'dark';

/** A stored or received preference; anything unknown is the system's. */
export function parseThemePreference(value: unknown): ThemePreference {
  return THEME_PREFERENCES.includes(value as ThemePreference)
    ? (value as ThemePreference)
    : DEFAULT_THEME;
}

/** The theme drawn for a preference: a forced one, else the system's. */
export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference !== 'system') return preference;
  return systemPrefersDark ? 'dark' : 'light';
}

/** How each preference reads in a menu (the account page's and the page header's). */
export const THEME_LABELS: Record<ThemePreference, string> = {
  system: 'Like my system',
  light: 'Light',
  dark: 'Dark',
};
