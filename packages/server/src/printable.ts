/**
 * Characters no name shown to other people may hold: control characters (C0 and C1), line and
 * paragraph separators, and the bidirectional controls, which reorder the text shown after
 * them (a name that makes the words next to it in a chat line or a seat list read backwards).
 * Joiners stay allowed: emoji sequences are made with them.
 */
const UNPRINTABLE_CHARS =
  '[\\p{Cc}\\u2028\\u2029\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]';
const UNPRINTABLE = new RegExp(UNPRINTABLE_CHARS, 'u');
const EVERY_UNPRINTABLE = new RegExp(UNPRINTABLE_CHARS, 'gu');

/** Whether `text` holds a character that no name may (see UNPRINTABLE). */
export const hasUnprintable = (text: string): boolean => UNPRINTABLE.test(text);

/** `text` without the characters no name may hold: for names taken from elsewhere (a sign-in provider's). */
export const withoutUnprintable = (text: string): string => text.replace(EVERY_UNPRINTABLE, '');
