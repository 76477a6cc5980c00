import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch, canonicalJson, diff, stateHash } from '../src/index.ts';

const json = fc.jsonValue({ maxDepth: 4 });

describe('diff and applyPatch', () => {
  it('applying the diff of a to b onto a gives b', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(canonicalJson(applyPatch(a, diff(a, b)))).toBe(canonicalJson(b));
      }),
      { numRuns: 500 },
    );
  });

  it('a value has no diff with itself', () => {
    fc.assert(
      fc.property(json, (a) => {
        expect(diff(a, structuredClone(a))).toEqual([]);
      }),
    );
  });

  it('names the changed leaf, not the whole document', () => {
    const before = { seats: [{ score: 1 }, { score: 2 }], deck: 40 };
    const after = { seats: [{ score: 1 }, { score: 5 }], deck: 39 };
    expect(diff(before, after)).toEqual([
      { op: 'replace', path: '/seats/1/score', value: 5 },
      { op: 'replace', path: '/deck', value: 39 },
    ]);
  });

  it('sees only keys an object holds itself, not its prototype methods', () => {
    expect(diff({ toString: 1 }, {})).toEqual([{ op: 'remove', path: '/toString' }]);
    expect(diff({}, { valueOf: 2 })).toEqual([{ op: 'add', path: '/valueOf', value: 2 }]);
  });

  it('escapes keys with / and ~', () => {
    const after = { 'a/b': 1, 'c~d': 2 };
    expect(applyPatch({}, diff({}, after))).toEqual(after);
  });

  it('does not modify the document it patches', () => {
    const before = { list: [1, 2, 3] };
    applyPatch(before, [{ op: 'remove', path: '/list/0' }]);
    expect(before).toEqual({ list: [1, 2, 3] });
  });
});

describe('canonicalJson and stateHash', () => {
  it('ignore key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(stateHash({ b: 1, a: 2 })).toBe(stateHash({ a: 2, b: 1 }));
  });

  it('tell different values apart', () => {
    expect(stateHash({ a: 1 })).not.toBe(stateHash({ a: 2 }));
    expect(stateHash([1, 2])).not.toBe(stateHash([2, 1]));
    expect(stateHash({ a: 1 })).toMatch(/^[0-9a-f]{32}$/);
  });
});

/** What canonicalJson is defined as: JSON.stringify of a copy with keys inserted in sorted order. */
function referenceCanonicalJson(value: unknown): string {
  const sortKeys = (inner: unknown): unknown => {
    if (Array.isArray(inner)) return inner.map(sortKeys);
    if (inner !== null && typeof inner === 'object') {
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(inner).sort()) {
        const child = (inner as Record<string, unknown>)[key];
        if (child !== undefined) sorted[key] = sortKeys(child);
      }
      return sorted;
    }
    return inner;
  };
  return JSON.stringify(sortKeys(value));
}

describe('canonicalJson', () => {
  const key = fc.oneof(
    fc.string(),
    fc.nat().map(String),
    fc.constantFrom('01', '-0', '1e3', '4294967294', '4294967295', '4294967296', '~/', '"\\'),
  );
  const leaf = fc.oneof(
    fc.jsonValue({ maxDepth: 0 }),
    fc.constantFrom(undefined, NaN, Infinity, -0, 1e21, 5e-7, '\u2028', '\ud800'),
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  }));

  it('equals JSON.stringify of a key-sorted copy, for any JSON-like value', () => {
    fc.assert(
      fc.property(value, (input) => {
        expect(canonicalJson(input)).toBe(referenceCanonicalJson(input));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts objects with many keys alike', () => {
    const many = fc.dictionary(key, fc.jsonValue({ maxDepth: 1 }), { minKeys: 17, maxKeys: 60 });
    fc.assert(
      fc.property(many, (input) => {
        expect(canonicalJson(input)).toBe(referenceCanonicalJson(input));
      }),
      { numRuns: 200 },
    );
  });

  it('orders array-index keys numerically, as a sorted copy would list them', () => {
    expect(canonicalJson({ b: 1, 10: 2, a: 3, 9: 4, '09': 5 })).toBe(
      '{"9":4,"10":2,"09":5,"a":3,"b":1}',
    );
  });
});
