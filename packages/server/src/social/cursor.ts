import { apiError } from '../errors.ts';
import { unsafeJsonProblem } from '../json-guard.ts';

/** An opaque page cursor: base64url JSON of the last row's sort key. */
export const encodeCursor = (key: Record<string, string | number>): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

/** Reads a cursor back; anything but the expected keys and types is `BAD_REQUEST`. */
export function decodeCursor<K extends Record<string, 'string' | 'number'>>(
  cursor: string,
  shape: K,
): { [P in keyof K]: K[P] extends 'string' ? string : number } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  // A cursor is the client's input once decoded: what the database cannot store is refused too.
  const fits =
    value !== null &&
    unsafeJsonProblem(value, 'cursor') === null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === Object.keys(shape).length &&
    Object.entries(shape).every(([key, type]) => {
      const field = (value as Record<string, unknown>)[key];
      return type === 'number'
        ? typeof field === 'number' && Number.isFinite(field)
        : typeof field === 'string' && field.length <= 128;
    });
  if (!fits) throw apiError('BAD_REQUEST', 'The page cursor is not one this server gave out.');
  return value as { [P in keyof K]: K[P] extends 'string' ? string : number };
}
