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

/**
 * Combining marks one character may carry: every script's accents fit (Vietnamese stacks two,
 * an emoji keycap two, Indic and Tibetan clusters a few), while marks stacked by the dozen on
 * one letter ("zalgo" text) are drawn far above and below it, over the lines around it: over
 * other players' names in a seat list and other people's chat lines.
 */
export const MAX_MARKS_PER_CHARACTER = 4;
const MARKS_STACKED = new RegExp(`\\p{M}{${MAX_MARKS_PER_CHARACTER + 1}}`, 'u');
const EVERY_MARK_PAST_MAX = new RegExp(`(?<=\\p{M}{${MAX_MARKS_PER_CHARACTER}})\\p{M}`, 'gu');

/**
 * Text that draws nothing: spaces, format characters (zero-width space, joiners, the byte order
 * mark, soft hyphen), marks with nothing under them, and the letters that are drawn blank (the
 * Hangul fillers, the blank Braille pattern). A name made of them looks like no name at all.
 */
const DRAWS_NOTHING = /^[\p{White_Space}\p{Cf}\p{M}\u115f\u1160\u3164\uffa0\u2800]*$/u;

/** Whether `text` (a name, a chat message) would be shown as nothing at all (see DRAWS_NOTHING). */
export const showsNothing = (text: string): boolean => DRAWS_NOTHING.test(text);

/**
 * Whether `text` may not be a name shown to other people (a person's, a CPU's, a game's): it
 * holds a character no name may (see UNPRINTABLE), stacks marks past MAX_MARKS_PER_CHARACTER
 * on a character, or shows nothing at all (the empty name included).
 */
export const unshowableName = (text: string): boolean =>
  showsNothing(text) || UNPRINTABLE.test(text) || MARKS_STACKED.test(text);

/**
 * Whether a chat message stacks marks past MAX_MARKS_PER_CHARACTER on one character; a
 * message may hold line breaks, so the rest of UNPRINTABLE is not asked of it.
 */
export const stacksMarks = (text: string): boolean => MARKS_STACKED.test(text);

/**
 * `text` without the characters no name may hold, and each character's marks past the
 * MAX_MARKS_PER_CHARACTER: for names taken from elsewhere (a sign-in provider's).
 */
export const withoutUnprintable = (text: string): string =>
  text.replace(EVERY_UNPRINTABLE, '').replace(EVERY_MARK_PAST_MAX, '');

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The longest start of `text` at most `max` UTF-16 code units long (as `String.length` and the
 * schemas count a name) made of whole graphemes: a cut never leaves half a surrogate pair (which
 * PostgreSQL stores as U+FFFD), a letter without its accents, or part of a flag or of an emoji
 * sequence. Empty when the first grapheme alone is longer.
 */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  let length = 0;
  for (const { segment } of GRAPHEMES.segment(text)) {
    if (length + segment.length > max) break;
    length += segment.length;
  }
  return text.slice(0, length);
}
