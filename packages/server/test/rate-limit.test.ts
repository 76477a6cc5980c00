import { describe, expect, it } from 'vitest';
import { KeyedRateLimiter } from '../src/rate-limit.ts';

/**
 * The keyed limiters every per-address and per-user limit uses hold one bucket per key: a client
 * bringing ever new keys (addresses of a large IPv6 prefix, free guests) must not grow them, nor
 * make each new key pay a sweep of all the others.
 */
describe('KeyedRateLimiter', () => {
  it('forgets buckets that have refilled when it needs room', () => {
    let now = 0;
    const limiter = new KeyedRateLimiter(10, 1, 100, () => now);
    for (let i = 0; i < 100; i++) limiter.take(`key-${i}`);
    expect(limiter.size).toBe(100);
    // Each bucket gave one token; a second later all are full again, as a new bucket would be.
    now += 1000;
    limiter.take('newcomer');
    expect(limiter.size).toBe(1);
  });

  it('stays within maxKeys when every bucket is in use, and a busy key keeps its bucket', () => {
    const now = 0;
    const limiter = new KeyedRateLimiter(2, 1, 100, () => now);
    expect(limiter.take('busy')).toBe(true);
    expect(limiter.take('busy')).toBe(true);
    expect(limiter.take('busy')).toBe(false);
    for (let i = 0; i < 50; i++) limiter.take(`key-${i}`);
    // Still refused: fewer than maxKeys keys came, so nothing was forgotten.
    expect(limiter.take('busy')).toBe(false);
    for (let i = 50; i < 10_000; i++) {
      limiter.take(`key-${i}`);
      expect(limiter.size).toBeLessThanOrEqual(100);
    }
  });
});
