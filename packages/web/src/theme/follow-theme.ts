import { settings, type SettingsStore } from '../settings/settings.ts';
import { applyThemePreference } from './apply-theme.ts';

/**
 * Keeps <html>'s theme mark on the stored preference from now on (a guest's pick in the page
 * header, an account's saved preference); returns the way to stop.
 */
export function followThemeSetting(
  store: SettingsStore = settings,
  apply: (preference: unknown) => void = applyThemePreference,
): () => void {
  let applied = store.getSnapshot().theme;
  apply(applied);
  return store.subscribe(() => {
    const { theme } = store.getSnapshot();
    if (theme === applied) return;
    applied = theme;
    apply(theme);
  });
}
