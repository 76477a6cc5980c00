/**
 * JSON with object keys in sorted order, so equal values always serialise to equal bytes.
 * Used for state hashes and for byte-for-byte event comparison.
 *
 * For JSON data (what states and events are) it gives exactly what `JSON.stringify` gives for
 * a copy of the value with every object's keys inserted in sorted order (undefined entries of
 * objects dropped, of arrays written as null; non-finite numbers as null), but writes the text
 * in one pass instead of copying the value first.
 */
export function canonicalJson(value: unknown): string {
  const text = new TextSink();
  // Like JSON.stringify, nothing (undefined) for a value JSON leaves out.
  return (writeCanonicalJson(value, text) ? text.text : undefined) as string;
}

/** Where canonical JSON goes, piece by piece: into a string, or into a running hash. */
export interface JsonSink {
  append(text: string): void;
}

class TextSink implements JsonSink {
  text = '';

  append(text: string): void {
    this.text += text;
  }
}

/**
 * Writes the canonical JSON of a value to `sink`, piece by piece; false (and nothing written)
 * for what JSON leaves out: undefined, functions, symbols. A state is hashed this way without
 * its text ever being built (see stateHash).
 */
export function writeCanonicalJson(value: unknown, sink: JsonSink): boolean {
  switch (typeof value) {
    case 'string':
      writeString(value, sink);
      return true;
    case 'number':
      sink.append(Number.isFinite(value) ? String(value) : 'null');
      return true;
    case 'boolean':
      sink.append(value ? 'true' : 'false');
      return true;
    case 'object':
      if (value === null) sink.append('null');
      else if (Array.isArray(value)) writeArray(value, sink);
      else writeObject(value as Record<string, unknown>, sink);
      return true;
    case 'bigint':
      // JSON has no big integers: let JSON.stringify throw its TypeError.
      sink.append(JSON.stringify(value));
      return true;
    default:
      return false;
  }
}

function writeArray(items: readonly unknown[], sink: JsonSink): void {
  sink.append('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) sink.append(',');
    if (!writeCanonicalJson(items[i], sink)) sink.append('null');
  }
  sink.append(']');
}

function writeObject(record: Record<string, unknown>, sink: JsonSink): void {
  sink.append('{');
  let first = true;
  for (const key of sortedKeys(record)) {
    // A copy built by assignment has no "__proto__" key (assigning it sets the prototype).
    if (key === '__proto__') continue;
    const inner = record[key];
    if (!isWritten(inner)) continue;
    if (!first) sink.append(',');
    writeString(key, sink);
    sink.append(':');
    writeCanonicalJson(inner, sink);
    first = false;
  }
  sink.append('}');
}

/** Whether JSON writes a value at all (it leaves out undefined, functions and symbols). */
const isWritten = (value: unknown): boolean =>
  value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';

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
 * written as it is between quotes; anything else (quotes, backslashes, control characters,
 * surrogates) is left to JSON.stringify.
 */
function writeString(text: string, sink: JsonSink): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      sink.append(JSON.stringify(text));
      return;
    }
  }
  sink.append('"');
  sink.append(text);
  sink.append('"');
}
