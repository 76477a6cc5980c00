/**
 * Marks <html> with a forced theme (`data-theme="light"` or `"dark"`); any other preference (the
 * system's) removes the mark, and the stylesheet then follows prefers-color-scheme on its own,
 * live when the system changes.
 *
 * Self-contained on purpose: index.html's head runs this function's source before the first
 * paint (see `earlyThemeScript`), so it may use nothing from outside its body.
 */
export function applyThemePreference(preference: unknown): void {
  const root = document.documentElement;
  if (preference === 'light' || preference === 'dark') root.dataset.theme = preference;
  else delete root.dataset.theme;
}

/**
 * The inline <head> script that applies the theme kept under `settingsKey` before the bundle
 * loads, so a page never flashes the other theme first. Unreadable storage applies nothing.
 */
export function earlyThemeScript(settingsKey: string): string {
  return `try{(${applyThemePreference.toString()})(JSON.parse(localStorage.getItem(${JSON.stringify(settingsKey)})).theme)}catch(e){}`;
}
