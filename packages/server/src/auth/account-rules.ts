import { DISPLAY_NAME_MAX_LENGTH, USERNAME_PATTERN } from '@cardtable/sdk/accounts';
import {
  cutToLength,
  MAX_MARKS_PER_CHARACTER,
  showsNothing,
  unshowableName,
  withoutUnprintable,
} from '../printable.ts';

const USERNAME = new RegExp(USERNAME_PATTERN);
// Deliberately simple: one @, a dot in the domain, no spaces; the link we mail proves the rest.
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;

export type FieldProblem = {
  field: 'username' | 'email' | 'displayName' | 'password';
  message: string;
};

export function usernameProblem(username: string): FieldProblem | null {
  if (username.length < 3 || username.length > 30) {
    return { field: 'username', message: 'A username has 3 to 30 characters.' };
  }
  if (!USERNAME.test(username)) {
    return {
      field: 'username',
      message:
        'A username uses letters, digits, ".", "_" or "-", and starts with a letter or digit.',
    };
  }
  return null;
}

/** The address as stored and compared: trimmed and lower-cased. */
export const normalEmail = (email: string) => email.trim().toLowerCase();

export function emailProblem(email: string): FieldProblem | null {
  return email.length <= 254 && EMAIL.test(email)
    ? null
    : { field: 'email', message: 'That is not an email address (name@example.com).' };
}

/**
 * A display name (an account's or a guest's): trimmed, 1 to DISPLAY_NAME_MAX_LENGTH characters
 * (UTF-16 code units), all printable, and something shows (a name of zero-width spaces reads as
 * no name in a seat list).
 */
export function displayNameProblem(name: string): FieldProblem | null {
  if (name.length > DISPLAY_NAME_MAX_LENGTH || unshowableName(name)) {
    return {
      field: 'displayName',
      message: `A display name has 1 to ${DISPLAY_NAME_MAX_LENGTH} printable characters, something that shows and at most ${MAX_MARKS_PER_CHARACTER} accents on a letter.`,
    };
  }
  return null;
}

/**
 * A display name made of a name taken from elsewhere (a sign-in provider's), as the display-name
 * rule would take it: the characters no name may hold dropped, cut to its length between
 * graphemes, trimmed; `fallback` (cut the same way) when nothing of it shows. The first
 * DISPLAY_NAME_MAX_LENGTH of a long name may be zero-width spaces, hence the cut before the
 * judgement.
 */
export function displayNameFrom(given: string, fallback: string): string {
  const name = cutToLength(withoutUnprintable(given).trim(), DISPLAY_NAME_MAX_LENGTH).trim();
  return showsNothing(name) ? cutToLength(fallback, DISPLAY_NAME_MAX_LENGTH).trim() : name;
}
