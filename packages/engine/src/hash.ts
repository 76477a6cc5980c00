import { writeCanonicalJson, type JsonSink } from './canonical-json.ts';

/**
 * cyrb128: a small, well-distributed non-cryptographic string hash giving four 32-bit words.
 * Runs alike in Node and the browser (no node:crypto in the core). Fed text piece by piece,
 * it gives the words hash128 gives for all the pieces joined.
 */
export class Hash128 implements JsonSink {
  private h1 = 1779033703;
  private h2 = 3144134277;
  private h3 = 1013904242;
  private h4 = 2773480762;

  append(text: string): void {
    let { h1, h2, h3, h4 } = this;
    for (let i = 0; i < text.length; i++) {
      const k = text.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    this.h4 = h4;
  }

  /** The four words for the text appended so far. */
  digest(): [number, number, number, number] {
    let { h1, h2, h3, h4 } = this;
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    h1 ^= h2 ^ h3 ^ h4;
    h2 ^= h1;
    h3 ^= h1;
    h4 ^= h1;
    return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
  }
}

export function hash128(text: string): [number, number, number, number] {
  const hash = new Hash128();
  hash.append(text);
  return hash.digest();
}

/**
 * A stable hex digest of any JSON value: the same value gives the same hash on every host. It
 * is hash128 of the value's canonicalJson, hashed as it is written (a state's text is never
 * built: building it, then hashing it, took twice as long).
 */
export function stateHash(value: unknown): string {
  const hash = new Hash128();
  if (!writeCanonicalJson(value, hash)) throw new TypeError('stateHash needs a JSON value.');
  return hash
    .digest()
    .map((word) => word.toString(16).padStart(8, '0'))
    .join('');
}
