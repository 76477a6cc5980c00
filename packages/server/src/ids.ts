import { randomBytes, randomInt } from 'node:crypto';

/** A random id with a readable prefix, e.g. `m_3kq9...`. */
export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url')}`;

/** An unguessable token to share (a replay link): 192 random bits. */
export const newSecret = () => randomBytes(24).toString('base64url');

/** A match seed: never leaves the server while the match is live. */
export const newSeed = () => randomBytes(16).toString('hex');

// No 0/O, 1/I/L: a room code is read aloud and typed by people.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A short, case-insensitive room code (stored upper-case). */
export const newRoomCode = (length = 6) =>
  Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
