import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@cardtable/sdk/accounts';

/** argon2id with the OWASP-recommended cost (19 MiB, 2 passes, 1 lane). */
/** `algorithm: 2` is Algorithm.Argon2id (a const enum, not importable under verbatimModuleSyntax). */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

/** A fixed hash to check against when no account matched, so the answer takes as long. */
let decoy: Promise<string> | null = null;

/** True when `password` matches `stored`; with no stored hash it still spends the same work. */
export async function checkPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    decoy ??= hashPassword('decoy password that matches nothing');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** Passwords people pick first; a strong one is none of them (compared case-insensitively). */
const COMMON = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  '123456789',
  '1234567890',
  'qwertyuiop',
  'qwerty123',
  'iloveyou',
  'letmein123',
  'welcome123',
  'admin12345',
  'abc1234567',
  'cardtable',
  'cardtable1',
  '1q2w3e4r5t',
  'football1',
  'baseball1',
  'sunshine1',
  'princess1',
  'trustno1',
]);

/**
 * Words people dress up with digits and symbols ("Password!2024", "qwerty123", "p@ssw0rd9"):
 * a password that is one of them once those are taken off its ends is as weak as the word.
 */
const COMMON_WORDS = new Set([
  'password',
  'qwerty',
  'qwertyuiop',
  'asdfgh',
  'asdfghjkl',
  'zxcvbnm',
  'iloveyou',
  'letmein',
  'welcome',
  'admin',
  'administrator',
  'abcdef',
  'abcdefg',
  'monkey',
  'dragon',
  'shadow',
  'master',
  'superman',
  'batman',
  'football',
  'baseball',
  'soccer',
  'hockey',
  'sunshine',
  'princess',
  'trustno',
  'starwars',
  'whatever',
  'freedom',
  'computer',
  'login',
  'secret',
  'changeme',
  'cardtable',
  'golf',
]);

/** Look-alike characters read as the letters they stand for. */
const LOOK_ALIKES: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

/** The word under a password: its ends' digits and symbols off, look-alikes read as letters. */
function coreWord(lower: string): string {
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return [...core].map((char) => LOOK_ALIKES[char] ?? char).join('');
}

export const PASSWORD_RULE =
  `Use ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters with letters and at least one digit ` +
  'or symbol, not a common password and not your username or email.';

/** Why `password` is too weak for this account, or null when it is strong enough. */
export function passwordProblem(
  password: string,
  account: { username?: string | null; email?: string | null } = {},
): string | null {
  const lower = password.toLowerCase();
  const problem = (why: string) => `${why} ${PASSWORD_RULE}`;
  if (password.length < PASSWORD_MIN_LENGTH) return problem('The password is too short.');
  if (password.length > PASSWORD_MAX_LENGTH) return problem('The password is too long.');
  if (!/\p{L}/u.test(password) || !/[^\p{L}]/u.test(password)) {
    return problem('The password needs letters and a digit or symbol.');
  }
  if (new Set(password).size < 5) return problem('The password repeats too few characters.');
  if (COMMON.has(lower)) return problem('That password is one of the most common ones.');
  if (COMMON_WORDS.has(coreWord(lower))) {
    return problem('That password is a common word with digits or symbols added.');
  }
  const names = [account.username, account.email?.split('@')[0]].filter(
    (name): name is string => typeof name === 'string' && name.length >= 3,
  );
  if (names.some((name) => lower.includes(name.toLowerCase()))) {
    return problem('The password contains your username or email.');
  }
  return null;
}
