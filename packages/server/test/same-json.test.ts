import { describe, expect, it } from 'vitest';
import { sameJson } from '../src/match/same-json.ts';

describe('sameJson (a viewer reuses another viewer JSON only for an equal step)', () => {
  it('is true exactly when both serialise to the same text', () => {
    const cases: [unknown, unknown][] = [
      [
        { a: 1, b: [1, { c: 'x' }] },
        { a: 1, b: [1, { c: 'x' }] },
      ],
      [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ],
      [{ card: { hidden: true, deck: 0 } }, { card: { id: 3, rank: 'Q', deck: 0 } }],
      [
        [1, 2],
        [1, 2, 3],
      ],
      [{ a: null }, { a: 0 }],
      [{ a: undefined }, {}],
      ['1', 1],
      [NaN, NaN],
      [new Date(0), new Date(0)],
    ];
    for (const [one, other] of cases) {
      const texts = JSON.stringify(one) === JSON.stringify(other);
      // Never equal when the texts differ; equal when they match, unless JSON hides a difference.
      if (!texts) expect(sameJson(one, other)).toBe(false);
    }
    expect(sameJson(cases[0]?.[0], cases[0]?.[1])).toBe(true);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson(NaN, NaN)).toBe(false);
  });
});
