import { describe, expect, it } from 'vitest';
import { attachedByUnit } from '../src/engine/attachments.ts';
import type { TcgState } from '../src/engine/state.ts';
import { playRandomly, spiritboundGame } from './helpers.ts';

/** Each unit's attached handles in order, units sorted (their order is not part of the index's promise). */
const entries = (index: ReadonlyMap<string, readonly string[]>) =>
  [...index].map(([unit, list]) => [unit, [...list]]).sort(([a], [b]) => (a! < b! ? -1 : 1));

describe('attachment index', () => {
  it('kept up to date as cards arrive and leave, it equals a scan of the cards record', () => {
    const game = spiritboundGame();
    let checked = 0;
    let attached = 0;
    for (const seed of ['attach-1', 'attach-2', 'attach-3']) {
      // The state each command started from (a decided one) and, folded event by event,
      // the states after its steps.
      playRandomly(game, seed, ({ before, resolution }) => {
        for (const state of [before, ...resolution.statesAfter] as TcgState[]) {
          // A copy of the record has no index yet: it is scanned afresh.
          const scanned = entries(attachedByUnit({ ...state.cards }));
          expect(entries(attachedByUnit(state.cards))).toEqual(scanned);
          checked++;
          attached += scanned.length;
        }
      });
    }
    expect(checked).toBeGreaterThan(100);
    expect(attached).toBeGreaterThan(0);
  });
});
