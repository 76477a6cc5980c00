import { describe, expect, it } from 'vitest';
import { rememberPreferences } from '../src/account/preferences.ts';
import { parseSettings, settings, SETTINGS_KEY, SettingsStore } from '../src/settings/settings.ts';
import { earlyThemeScript } from '../src/theme/apply-theme.ts';
import { followThemeSetting } from '../src/theme/follow-theme.ts';
import { parseThemePreference, resolveTheme } from '../src/theme/theme.ts';

/** A storage that remembers in a map, like localStorage between two page loads. */
function memoryStorage(items = new Map<string, string>()) {
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

/** Runs the head's inline script against a stored settings text; returns <html data-theme>. */
function runEarlyScript(stored: string | null, startingMark?: string): string | undefined {
  const dataset: Record<string, string> = startingMark ? { theme: startingMark } : {};
  const document = { documentElement: { dataset } };
  const localStorage = { getItem: (key: string) => (key === SETTINGS_KEY ? stored : null) };
  new Function('document', 'localStorage', earlyThemeScript(SETTINGS_KEY))(document, localStorage);
  return dataset.theme;
}

describe('the theme preference', () => {
  it('resolves: light and dark are forced, the system decides the rest', () => {
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('light', false)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
    expect(resolveTheme('dark', true)).toBe('dark');
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
  });

  it('reads anything unknown as the system', () => {
    for (const value of ['light', 'dark', 'system'])
      expect(parseThemePreference(value)).toBe(value);
    for (const value of [undefined, null, 'Light', 'sepia', 1, {}])
      expect(parseThemePreference(value)).toBe('system');
    expect(parseSettings(null).theme).toBe('system');
    expect(parseSettings('{"theme":"neon"}').theme).toBe('system');
    expect(parseSettings('{"theme":"light","muted":true}')).toMatchObject({
      theme: 'light',
      muted: true,
    });
  });

  it('is remembered with the settings across page loads', () => {
    const storage = memoryStorage();
    new SettingsStore(storage).update({ theme: 'dark' });
    expect(new SettingsStore(storage).getSnapshot().theme).toBe('dark');
  });

  it("is applied by the head's script before the bundle: forced themes only", () => {
    expect(runEarlyScript(JSON.stringify({ theme: 'light' }))).toBe('light');
    expect(runEarlyScript(JSON.stringify({ theme: 'dark', muted: true }))).toBe('dark');
    // The system's theme is the stylesheet's own (prefers-color-scheme): no mark.
    expect(runEarlyScript(JSON.stringify({ theme: 'system' }), 'dark')).toBeUndefined();
    expect(runEarlyScript(JSON.stringify({ theme: 'neon' }))).toBeUndefined();
    // Nothing stored or unreadable storage: nothing applied, and nothing thrown.
    expect(runEarlyScript(null)).toBeUndefined();
    expect(runEarlyScript('{not json')).toBeUndefined();
  });

  it('follows the settings: every change is applied, once', () => {
    const store = new SettingsStore(memoryStorage());
    const applied: unknown[] = [];
    const stop = followThemeSetting(store, (preference) => applied.push(preference));
    store.update({ theme: 'light' });
    store.update({ muted: true });
    store.update({ theme: 'system' });
    stop();
    store.update({ theme: 'dark' });
    expect(applied).toEqual(['system', 'light', 'system']);
  });

  it("takes a signed-in account's saved theme; signing out keeps it", () => {
    settings.update({ theme: 'dark' });
    rememberPreferences({ reducedMotion: true });
    expect(settings.getSnapshot().theme).toBe('dark');
    rememberPreferences({ theme: 'light' });
    expect(settings.getSnapshot().theme).toBe('light');
    rememberPreferences(null);
    expect(settings.getSnapshot().theme).toBe('light');
  });
});
