/**
 * A display name's most characters, counted as UTF-16 code units: as `String.length`, a schema's
 * `maxLength` and an HTML input's `maxLength` count them (an emoji is two). Apart from the
 * account schemas (`accounts.ts`) so that apps take it without TypeBox.
 */
export const DISPLAY_NAME_MAX_LENGTH = 40;
