import { describe, expect, it } from 'vitest';
import type { GolfAction } from '@cardtable/golf';
import { controlsFor, initialFlipFor, NO_CONTROLS, toggleSelection } from '../src/game/controls.ts';

const none = {} as Record<string, never>;

describe('controlsFor', () => {
  it('makes nothing clickable without legal actions', () => {
    expect(controlsFor([])).toEqual(NO_CONTROLS);
  });

  it('puts each legal action on the thing it belongs to', () => {
    const legal: GolfAction[] = [
      { type: 'drawDeck', payload: none },
      { type: 'takeDiscard', payload: none },
      { type: 'flip', payload: { slot: 4 } },
      { type: 'knock', payload: none },
    ];
    const controls = controlsFor(legal);
    expect(controls.deck).toEqual(legal[0]);
    expect(controls.discardPile).toEqual(legal[1]);
    expect(controls.slots[4]).toEqual(legal[2]);
    expect(controls.slots.filter(Boolean)).toHaveLength(1);
    expect(controls.buttons).toEqual([legal[3]]);
    expect(controls.initialFlip).toBeNull();
  });

  it('offers a swap on every slot the server lists, and the discard pile to discard', () => {
    const legal: GolfAction[] = [
      ...[0, 1, 2, 3, 4, 5].map((slot) => ({ type: 'swap' as const, payload: { slot } })),
      { type: 'discard', payload: none },
    ];
    const controls = controlsFor(legal);
    expect(controls.slots.map((action) => action?.type)).toEqual(Array(6).fill('swap'));
    expect(controls.discardPile?.type).toBe('discard');
    expect(controls.deck).toBeNull();
  });
});

describe('initial flips', () => {
  const legal: GolfAction[] = [
    { type: 'initialFlip', payload: { slots: [0, 1] } },
    { type: 'initialFlip', payload: { slots: [3, 0] } },
    { type: 'initialFlip', payload: { slots: [1, 3] } },
  ];
  const choice = controlsFor(legal).initialFlip!;

  it('knows how many to pick and from which slots', () => {
    expect(choice.count).toBe(2);
    expect(choice.slots).toEqual([0, 1, 3]);
  });

  it('completes only with a legal set, in any order', () => {
    expect(initialFlipFor(choice, [0])).toBeNull();
    expect(initialFlipFor(choice, [3, 0])).toEqual({
      type: 'initialFlip',
      payload: { slots: [0, 3] },
    });
  });

  it('toggles, and never selects more than the count or an unlisted slot', () => {
    expect(toggleSelection(choice, [], 5)).toEqual([]);
    expect(toggleSelection(choice, [0], 1)).toEqual([0, 1]);
    expect(toggleSelection(choice, [0, 1], 3)).toEqual([0, 1]);
    expect(toggleSelection(choice, [0, 1], 0)).toEqual([1]);
  });
});
