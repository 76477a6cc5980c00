import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  SETTINGS_KEY,
  SettingsStore,
  timingFor,
} from '../src/settings/settings.ts';

/** A storage that remembers in a map, like localStorage between two page loads. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('table settings', () => {
  it('are remembered: a new store on the same storage reads what the last one wrote', () => {
    const storage = memoryStorage();
    const first = new SettingsStore(storage);
    expect(first.getSnapshot()).toEqual(DEFAULT_SETTINGS);
    let told = 0;
    first.subscribe(() => told++);
    first.update({ muted: true });
    first.update({ speed: 'fast' });
    expect(told).toBe(2);
    expect(JSON.parse(storage.items.get(SETTINGS_KEY)!)).toEqual({
      muted: true,
      speed: 'fast',
      chatFilter: true,
      theme: 'system',
    });
    // The next page load.
    expect(new SettingsStore(storage).getSnapshot()).toEqual({
      muted: true,
      speed: 'fast',
      chatFilter: true,
      theme: 'system',
    });
  });

  it('keep the defaults for anything missing or malformed', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('[1]')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{"muted":"yes","speed":"warp"}')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{"speed":"slow"}')).toEqual({
      muted: false,
      speed: 'slow',
      chatFilter: true,
      theme: 'system',
    });
    expect(parseSettings('{"chatFilter":false}').chatFilter).toBe(false);
  });

  it('work without storage, and when storage throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    const store = new SettingsStore(throwing);
    store.update({ muted: true });
    expect(store.getSnapshot().muted).toBe(true);
    expect(new SettingsStore(null).getSnapshot()).toEqual(DEFAULT_SETTINGS);
  });

  it('turn into the timing the directors play with', () => {
    expect(timingFor('normal', false)).toEqual({ reducedMotion: false, speed: 1 });
    expect(timingFor('fast', false)).toEqual({ reducedMotion: false, speed: 2 });
    expect(timingFor('slow', false, 2).speed).toBeCloseTo(1.2);
    // Reduced motion stops movement at any speed; instant also drops every pause.
    expect(timingFor('fast', true)).toEqual({ reducedMotion: true, speed: 2 });
    const instant = timingFor('instant', false);
    expect(instant.reducedMotion).toBe(true);
    expect(Math.round(500 / instant.speed)).toBe(0);
  });
});
