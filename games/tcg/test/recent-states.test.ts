import { describe, expect, it } from 'vitest';
import { RecentStates } from '../src/engine/recent-states.ts';
import type { TcgState } from '../src/engine/state.ts';

const aState = (seq: number) => ({ seq }) as unknown as TcgState;

describe('RecentStates', () => {
  it('finds a value by the very state object, not by an equal one', () => {
    const cache = new RecentStates<string>();
    const state = aState(1);
    cache.set(state, 'one');
    expect(cache.get(state)).toBe('one');
    expect(cache.get(aState(1))).toBeUndefined();
  });

  it('keeps the last 8 states and drops the oldest for a ninth', () => {
    const cache = new RecentStates<number>();
    const states = Array.from({ length: 9 }, (_, i) => aState(i));
    states.slice(0, 8).forEach((state, i) => cache.set(state, i));
    expect(states.slice(0, 8).map((state) => cache.get(state))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    cache.set(states[8]!, 8);
    expect(cache.get(states[0]!)).toBeUndefined();
    expect(states.slice(1).map((state) => cache.get(state))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
