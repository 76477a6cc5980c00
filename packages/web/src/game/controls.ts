import type { GolfAction } from '@cardtable/golf';

/** The actions that are buttons rather than a card to click. */
export type ButtonAction = Extract<GolfAction, { type: 'returnDiscard' | 'skipFlip' | 'knock' }>;

/** Choosing the initial flips: pick `count` of `slots`; `choices` are the legal sets. */
export interface InitialFlipChoice {
  count: number;
  slots: number[];
  choices: number[][];
}

/**
 * What the player may click right now, derived from the server's `legal` list only: the table
 * never decides legality itself, so only legal moves are ever clickable.
 */
export interface Controls {
  /** drawDeck */
  deck: GolfAction | null;
  /** takeDiscard (awaiting a draw) or discard (holding a deck draw) */
  discardPile: GolfAction | null;
  /** swap or flip, by the player's own slot */
  slots: (GolfAction | null)[];
  buttons: ButtonAction[];
  initialFlip: InitialFlipChoice | null;
}

export const NO_CONTROLS: Controls = {
  deck: null,
  discardPile: null,
  slots: [null, null, null, null, null, null],
  buttons: [],
  initialFlip: null,
};

export function controlsFor(legal: readonly GolfAction[]): Controls {
  const controls: Controls = { ...NO_CONTROLS, slots: [...NO_CONTROLS.slots], buttons: [] };
  const flipSets: number[][] = [];
  for (const action of legal) {
    switch (action.type) {
      case 'drawDeck':
        controls.deck = action;
        break;
      case 'takeDiscard':
      case 'discard':
        controls.discardPile = action;
        break;
      case 'swap':
      case 'flip':
        controls.slots[action.payload.slot] = action;
        break;
      case 'returnDiscard':
      case 'skipFlip':
      case 'knock':
        controls.buttons.push(action);
        break;
      case 'initialFlip':
        flipSets.push([...action.payload.slots].sort((a, b) => a - b));
        break;
    }
  }
  if (flipSets.length > 0) {
    controls.initialFlip = {
      count: Math.max(...flipSets.map((set) => set.length)),
      slots: [...new Set(flipSets.flat())].sort((a, b) => a - b),
      choices: flipSets,
    };
  }
  return controls;
}

/** The legal initial-flip action for the selected slots, once the selection is complete. */
export function initialFlipFor(choice: InitialFlipChoice, selected: readonly number[]) {
  const wanted = [...selected].sort((a, b) => a - b).join(',');
  const match = choice.choices.find((set) => set.join(',') === wanted);
  return match ? ({ type: 'initialFlip', payload: { slots: match } } as const) : null;
}

/** Toggles a slot in the selection, never past the count the rules ask for. */
export function toggleSelection(
  choice: InitialFlipChoice,
  selected: readonly number[],
  slot: number,
): number[] {
  if (selected.includes(slot)) return selected.filter((s) => s !== slot);
  if (!choice.slots.includes(slot) || selected.length >= choice.count) return [...selected];
  return [...selected, slot];
}

export const BUTTON_LABELS: Record<ButtonAction['type'], string> = {
  returnDiscard: 'Put it back',
  skipFlip: 'Skip the flip',
  knock: 'Knock: flip my last cards',
};

/** The letter each button answers to at the table (see `keyTarget`), and its word in the help. */
export const BUTTON_KEYS: Record<ButtonAction['type'], { key: string; help: string }> = {
  knock: { key: 'K', help: 'knock' },
  returnDiscard: { key: 'B', help: 'put back' },
  skipFlip: { key: 'S', help: 'skip flip' },
};

/** What a key at the table reaches: the deck, the discard pile, one of your cards, a button. */
export type KeyTarget =
  | { kind: 'deck' }
  | { kind: 'discardPile' }
  | { kind: 'slot'; slot: number }
  | { kind: 'button'; action: ButtonAction };

/**
 * The table's shortcuts, so a move takes a key or two rather than a walk of Tabs: D the deck,
 * P the discard pile, 1 to 6 your cards (in their order on screen), and each button's letter.
 * Null for any other key, and for a key whose target cannot be used now (only legal moves).
 */
export function keyTarget(key: string, controls: Controls): KeyTarget | null {
  const upper = key.toUpperCase();
  if (upper === 'D') return controls.deck ? { kind: 'deck' } : null;
  if (upper === 'P') return controls.discardPile ? { kind: 'discardPile' } : null;
  const slot = Number(key) - 1;
  if (Number.isInteger(slot) && slot >= 0 && slot < controls.slots.length) {
    const usable = controls.initialFlip
      ? controls.initialFlip.slots.includes(slot)
      : controls.slots[slot] !== null;
    return usable ? { kind: 'slot', slot } : null;
  }
  const action = controls.buttons.find((button) => BUTTON_KEYS[button.type].key === upper);
  return action ? { kind: 'button', action } : null;
}
