/**
 * The first query parameter given more than once (the query parser makes it an array), or null.
 * No socket parameter takes a list: a repeated one is refused, never read as missing (a repeated
 * `token` left a match socket waiting for a HELLO nobody would send).
 */
export function repeatedParameter(query: unknown): string | null {
  if (typeof query !== 'object' || query === null) return null;
  const repeated = Object.entries(query).find(([, value]) => Array.isArray(value));
  return repeated ? repeated[0] : null;
}
