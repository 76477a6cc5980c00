/** Where this browser keeps the settings (read by the page's head too, for the theme). */
export const SETTINGS_KEY = 'cardtable.settings';
