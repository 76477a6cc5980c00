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
