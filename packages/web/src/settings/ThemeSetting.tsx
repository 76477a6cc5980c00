import { THEME_LABELS, THEME_PREFERENCES, type ThemePreference } from '../theme/theme.ts';
import { settings } from './settings.ts';
import { useSettings } from './useSettings.ts';

/**
 * The page header's theme menu for a reader with no account (a signed-in account keeps its
 * theme with its profile, on the account page); applied at once and remembered by this browser.
 */
export function ThemeSetting() {
  const { theme } = useSettings();
  return (
    <label className="theme-setting">
      Theme
      <select
        value={theme}
        data-testid="theme-setting"
        onChange={(event) => settings.update({ theme: event.target.value as ThemePreference })}
      >
        {THEME_PREFERENCES.map((value) => (
          <option key={value} value={value}>
            {THEME_LABELS[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
