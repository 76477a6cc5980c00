import type { Rng } from '@cardtable/engine';
import type { TcgState } from './state.ts';

/**
 * A fresh opaque handle: random (from a stream of its own, so gameplay randomness does not
 * depend on how many handles were drawn) and unlike any handle in play.
 */
export function newHandle(rng: Rng, state: TcgState, issued: Set<string>): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const handle = `c${rng.nextU32().toString(36).padStart(7, '0')}`;
    if (!(handle in state.cards) && !issued.has(handle)) {
      issued.add(handle);
      return handle;
    }
  }
  throw new Error('newHandle: the handle stream keeps repeating (a degenerate Rng)');
}
