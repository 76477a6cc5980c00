import { useSyncExternalStore } from 'react';
import { useSettings } from '../settings/useSettings.ts';
import { resolveTheme, type Theme } from './theme.ts';

const DARK_QUERY = '(prefers-color-scheme: dark)';

const subscribeToSystem = (listener: () => void) => {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
};
const systemPrefersDark = () => window.matchMedia(DARK_QUERY).matches;

/** The theme the page is drawn in now, re-rendering when the preference or the system changes. */
export function useResolvedTheme(): Theme {
  const { theme } = useSettings();
  return resolveTheme(theme, useSyncExternalStore(subscribeToSystem, systemPrefersDark));
}
