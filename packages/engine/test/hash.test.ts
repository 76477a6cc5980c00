import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, Hash128, hash128, stateHash } from '../src/index.ts';

const hex = (words: readonly number[]) =>
  words.map((word) => word.toString(16).padStart(8, '0')).join('');

describe('hash128 and stateHash', () => {
  it('gives the same words for text fed in pieces as for the whole text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 8 }), (pieces) => {
        const hash = new Hash128();
        for (const piece of pieces) hash.append(piece);
        expect(hash.digest()).toEqual(hash128(pieces.join('')));
      }),
    );
  });

  it('hashes a value as hash128 of its canonical JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        expect(stateHash(value)).toBe(hex(hash128(canonicalJson(value))));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the digests it gave before it was fed in pieces', () => {
    expect(hex(hash128(''))).toBe('027ae52ecfc796215593990d4b41437c');
    expect(hex(hash128('cardtable'))).toBe('5778c7177042ca039fe46612835a0ae7');
    expect(stateHash({ b: [1, 'x', { d: true, c: -0.5 }], a: null })).toBe(
      'abac00092607da03bcc0658d0ed178ea',
    );
  });

  it('refuses a value JSON cannot write', () => {
    expect(() => stateHash(undefined)).toThrow(TypeError);
  });
});
