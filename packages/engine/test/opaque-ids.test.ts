import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { opaqueIds } from '../src/index.ts';

describe('opaqueIds', () => {
  it('is HMAC-SHA256 under a key derived from the seed, cut to 64 bits', () => {
    const key = createHmac('sha256', 'seed-1').update('cardtable/opaque-ids/v1').digest();
    const expected = [0, 1, 2].map((i) =>
      createHmac('sha256', key).update(`4:2:${i}`).digest('hex').slice(0, 16),
    );
    const ids = opaqueIds('seed-1', 4, 2);
    expect([ids.next(), ids.next(), ids.next()]).toEqual(expected);
  });

  it('differs by seed, version and step, and repeats for the same ones', () => {
    const first = (seed: string, version: number, step: number) =>
      opaqueIds(seed, version, step).next();
    const ids = [first('a', 1, 1), first('b', 1, 1), first('a', 2, 1), first('a', 1, 2)];
    expect(new Set(ids).size).toBe(4);
    expect(first('a', 1, 1)).toBe(ids[0]);
  });
});
