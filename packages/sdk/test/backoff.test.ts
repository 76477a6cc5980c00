import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../src/backoff.ts';

const noJitter: BackoffPolicy = { initialMs: 100, maxMs: 5_000, factor: 2, jitter: 0 };

describe('backoffDelay', () => {
  it('grows exponentially from the initial delay', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, noJitter))).toEqual([
      100, 200, 400, 800,
    ]);
  });

  it('never exceeds the cap, even after many attempts', () => {
    expect(backoffDelay(50, noJitter)).toBe(5_000);
    expect(backoffDelay(10_000, noJitter)).toBe(5_000);
  });

  it('spreads delays over [ceiling * (1 - jitter), ceiling]', () => {
    const policy = { ...noJitter, jitter: 0.5 };
    expect(backoffDelay(2, policy, () => 0)).toBe(400);
    expect(backoffDelay(2, policy, () => 0.999999)).toBe(200);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(300);
  });

  it('stays within bounds for any attempt and random draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, draw) => {
          const delay = backoffDelay(attempt, DEFAULT_BACKOFF, () => draw);
          const ceiling = Math.min(
            DEFAULT_BACKOFF.maxMs,
            DEFAULT_BACKOFF.initialMs * DEFAULT_BACKOFF.factor ** attempt,
          );
          expect(delay).toBeLessThanOrEqual(ceiling);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling * (1 - DEFAULT_BACKOFF.jitter)));
        },
      ),
    );
  });
});
