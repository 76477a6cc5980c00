import type { OpaqueIds } from '@cardtable/engine';
import type { TcgState } from './state.ts';

/**
 * A fresh opaque handle: a keyed hash from the match's secret (`ctx.opaqueIds`), so no number
 * of handles reveals the generator that shuffles the decks, and unlike any handle in play.
 */
export function newHandle(ids: OpaqueIds, state: TcgState, issued: Set<string>): string {
  // 64-bit ids: a repeat is astronomically unlikely, but a handle must never be reused.
  for (;;) {
    const handle = `c${ids.next()}`;
    if (!(handle in state.cards) && !issued.has(handle)) {
      issued.add(handle);
      return handle;
    }
  }
}
