/**
 * JSON with object keys in sorted order, so equal values always serialise to equal bytes.
 * Used for state hashes and for byte-for-byte event comparison.
 *
 * For JSON data (what states and events are) it gives exactly what `JSON.stringify` gives for
 * a copy of the value with every object's keys inserted in sorted order (undefined entries of
 * objects dropped, of arrays written as null; non-finite numbers as null), but writes the text
 * in one pass instead of copying the value first: whole states are hashed.
 */
export function canonicalJson(value: unknown): string {
  return write(value) as string;
}

/** The JSON text of a value, or undefined for what JSON leaves out (undefined, functions, symbols). */
function write(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value)
        ? writeArray(value)
        : writeObject(value as Record<string, unknown>);
    case 'bigint':
      // JSON has no big integers: let JSON.stringify throw its TypeError.
      return JSON.stringify(value);
    default:
      return undefined;
  }
}

function writeArray(items: readonly unknown[]): string {
  let text = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) text += ',';
    text += write(items[i]) ?? 'null';
  }
  return `${text}]`;
}

function writeObject(record: Record<string, unknown>): string {
  let text = '{';
  for (const key of sortedKeys(record)) {
    // A copy built by assignment has no "__proto__" key (assigning it sets the prototype).
    if (key === '__proto__') continue;
    const inner = write(record[key]);
    if (inner === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${quote(key)}:${inner}`;
  }
  return `${text}}`;
}

/**
 * The keys in the order a copy built by inserting them sorted would list them: JavaScript lists
 * an object's array-index keys ('0', '7', '12') first, in numeric order, whatever the insertion
 * order. `Object.keys` already lists them so; only the other keys need sorting.
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  let indexes = 0;
  while (indexes < keys.length && isArrayIndex(keys[indexes] as string)) indexes++;
  if (keys.length - indexes > FEW_KEYS) {
    return [...keys.slice(0, indexes), ...keys.slice(indexes).sort()];
  }
  insertionSortFrom(keys, indexes);
  return keys;
}

/** Up to this many keys, an insertion sort beats Array#sort (most objects have a handful). */
const FEW_KEYS = 16;

/** Sorts `keys` from `start` on, in place, by UTF-16 code units as Array#sort does. */
function insertionSortFrom(keys: string[], start: number): void {
  for (let i = start + 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= start && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
}

const MAX_ARRAY_INDEX = 2 ** 32 - 2;

/** A canonical decimal integer from 0 to 2^32 - 2, the keys JavaScript orders numerically. */
function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57) return false; // does not start with a digit
  const index = Number(key);
  return Number.isInteger(index) && index <= MAX_ARRAY_INDEX && String(index) === key;
}

/**
 * A JSON string literal. Text with nothing to escape (keys, names, almost every value) is
 * quoted directly; anything else (quotes, backslashes, control characters, surrogates) is left
 * to JSON.stringify. Quoting was most of the time a state hash took.
 */
function quote(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      return JSON.stringify(text);
    }
  }
  return `"${text}"`;
}
