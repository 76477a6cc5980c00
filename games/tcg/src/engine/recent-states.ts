import type { TcgState } from './state.ts';

/**
 * A value derived from a state, kept for the last few states asked about. Not a `WeakMap`:
 * every event makes a new state, and a weak entry per state (an ephemeron the collector must
 * trace) made garbage collection a good part of a CPU playout. Derived values are asked for
 * the state a command has just reached, again and again, and rarely for an older one; a state
 * that fell out is computed again (states are immutable), and at most `SIZE` are held.
 */
export class RecentStates<V> {
  private static readonly SIZE = 8;
  private readonly states: (TcgState | null)[] = new Array(RecentStates.SIZE).fill(null);
  private readonly values: (V | null)[] = new Array(RecentStates.SIZE).fill(null);
  private next = 0;

  get(state: TcgState): V | undefined {
    for (let i = 0; i < RecentStates.SIZE; i++)
      if (this.states[i] === state) return this.values[i]!;
    return undefined;
  }

  set(state: TcgState, value: V): void {
    this.states[this.next] = state;
    this.values[this.next] = value;
    this.next = (this.next + 1) % RecentStates.SIZE;
  }
}
