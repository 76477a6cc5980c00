import type { Timing } from '../animation/plan.ts';
import { SETTINGS_KEY } from './settings-key.ts';
import { DEFAULT_THEME, parseThemePreference, type ThemePreference } from '../theme/theme.ts';

/** How fast the tables animate: `instant` moves nothing and pauses nowhere. */
export const ANIMATION_SPEEDS = ['slow', 'normal', 'fast', 'instant'] as const;
export type AnimationSpeed = (typeof ANIMATION_SPEEDS)[number];

/** The player's settings, remembered by this browser. */
export interface Settings {
  muted: boolean;
  speed: AnimationSpeed;
  /** Mask filtered words in chat (on unless the player turns it off). */
  chatFilter: boolean;
  /** Light, dark or the system's: a guest's pick, or the signed-in account's preference. */
  theme: ThemePreference;
}

export const DEFAULT_SETTINGS: Settings = {
  muted: false,
  speed: 'normal',
  chatFilter: true,
  theme: DEFAULT_THEME,
};
export { SETTINGS_KEY } from './settings-key.ts';

/** Each speed as a factor on every duration's divisor (2 halves them). */
const SPEED_FACTORS: Record<AnimationSpeed, number> = {
  slow: 0.6,
  normal: 1,
  fast: 2,
  instant: Number.POSITIVE_INFINITY,
};

/** Reads stored settings, keeping the defaults for anything missing or malformed. */
export function parseSettings(text: string | null): Settings {
  let raw: unknown;
  try {
    raw = text === null ? null : JSON.parse(text);
  } catch {
    raw = null;
  }
  const stored = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    muted: typeof stored.muted === 'boolean' ? stored.muted : DEFAULT_SETTINGS.muted,
    chatFilter:
      typeof stored.chatFilter === 'boolean' ? stored.chatFilter : DEFAULT_SETTINGS.chatFilter,
    speed: ANIMATION_SPEEDS.includes(stored.speed as AnimationSpeed)
      ? (stored.speed as AnimationSpeed)
      : DEFAULT_SETTINGS.speed,
    theme: parseThemePreference(stored.theme),
  };
}

/**
 * The timing a director plays with: the system's reduced-motion wish and the `instant` speed
 * both stop movement; `instant` also drops every pause. `base` is a replay's own speed.
 */
export function timingFor(speed: AnimationSpeed, reducedMotion: boolean, base = 1): Timing {
  return {
    reducedMotion: reducedMotion || speed === 'instant',
    speed: base * SPEED_FACTORS[speed],
  };
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Settings kept in storage (localStorage in the app), as a store for `useSyncExternalStore`. */
export class SettingsStore {
  private current: Settings;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: KeyValueStorage | null) {
    this.current = parseSettings(safely(() => storage?.getItem(SETTINGS_KEY) ?? null, null));
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): Settings => this.current;

  update(patch: Partial<Settings>): void {
    this.current = { ...this.current, ...patch };
    const text = JSON.stringify(this.current);
    safely(() => this.storage?.setItem(SETTINGS_KEY, text), undefined);
    for (const listener of this.listeners) listener();
  }
}

/** Storage may throw (private modes, full quota): settings then last until the page is left. */
function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** The app's settings, in this browser's localStorage. */
export const settings = new SettingsStore(
  typeof localStorage === 'undefined' ? null : safely(() => localStorage, null),
);
