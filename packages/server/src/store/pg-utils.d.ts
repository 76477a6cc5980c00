/** `pg`'s own parameter encoding (untyped in @types/pg): what it sends PostgreSQL for a JS value. */
declare module 'pg/lib/utils.js' {
  export function prepareValue(value: unknown): string | Buffer | null;
}
