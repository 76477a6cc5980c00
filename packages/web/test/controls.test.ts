import { describe, expect, it } from 'vitest';
import type { GolfAction } from '@cardtable/golf';
import {
  controlsFor,
  initialFlipFor,
  keyTarget,
  NO_CONTROLS,
  toggleSelection,
} from '../src/game/controls.ts';

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

describe('the table keys', () => {
  it('reach only what is legal now: D deck, P discard pile, 1-6 your cards, a button letter', () => {
    const drawing = controlsFor([
      { type: 'drawDeck', payload: none },
      { type: 'takeDiscard', payload: none },
      { type: 'flip', payload: { slot: 4 } },
      { type: 'knock', payload: none },
    ]);
    expect(keyTarget('d', drawing)).toEqual({ kind: 'deck' });
    expect(keyTarget('P', drawing)).toEqual({ kind: 'discardPile' });
    expect(keyTarget('5', drawing)).toEqual({ kind: 'slot', slot: 4 });
    expect(keyTarget('k', drawing)).toEqual({
      kind: 'button',
      action: { type: 'knock', payload: none },
    });
    // A card with no move now, a key of no move, and keys that are no card at all.
    for (const key of ['1', '7', '0', 'b', 's', 'x', ' ', 'Enter', 'Tab'])
      expect(keyTarget(key, drawing), key).toBeNull();
    expect(keyTarget('d', NO_CONTROLS)).toBeNull();
    // Choosing the opening flips: the numbers pick the cards that may be turned up.
    const opening = controlsFor([{ type: 'initialFlip', payload: { slots: [0, 3] } }]);
    expect(keyTarget('4', opening)).toEqual({ kind: 'slot', slot: 3 });
    expect(keyTarget('2', opening)).toBeNull();
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
