import type { OpaqueIds } from '@cardtable/engine';
import type { TcgState } from './state.ts';

/** Handles minted again and again (the CPU's playouts mint the same list), by their digits. */
const kept = new Map<string, string>();

/**
 * Keeps the handle of these digits, interned: a new string keying the cards record is copied
 * into V8's string table (old space) the first time, and the CPU's playouts mint the same
 * handles again and again (`playoutHandles`).
 */
export function keepHandle(digits: string): void {
  const interned: Record<string, true> = { [`c${digits}`]: true };
  kept.set(digits, Object.keys(interned)[0]!);
}

/**
 * A fresh opaque handle: a keyed hash from the match's secret (`ctx.opaqueIds`), so no number
 * of handles reveals the generator that shuffles the decks, and unlike any handle in play.
 */
export function newHandle(ids: OpaqueIds, state: TcgState, issued: Set<string>): string {
  // 64-bit ids: a repeat is astronomically unlikely, but a handle must never be reused.
  for (;;) {
    const digits = ids.next();
    const handle = kept.get(digits) ?? `c${digits}`;
    if (!(handle in state.cards) && !issued.has(handle)) {
      issued.add(handle);
      return handle;
    }
  }
}
