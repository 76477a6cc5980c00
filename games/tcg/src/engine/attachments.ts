import { ATTACHED, type CardInstance } from './state.ts';

type Cards = Readonly<Record<string, CardInstance>>;

/**
 * A cards record's attachment index. `shared`: the map is also another record's (a copy starts
 * with its original's), so the first change copies it; its lists are never changed in place.
 */
interface Index {
  units: Map<string, readonly string[]>;
  shared: boolean;
}

/**
 * A record keeps its index as a property of its own under this symbol, not enumerable: keys,
 * `in` with a handle, JSON, spreads, structured clones and equality tests do not see it (a copy
 * made any other way than `cardsCopied` simply scans again). Not a `WeakMap` by record: every
 * record copied (one per playout and per guess) added an ephemeron for the collector to trace,
 * and the map's get and set were 2-3% of a demo easy batch.
 */
const INDEX = Symbol('attachment index');

type Indexed = Cards & { [INDEX]?: Index };

const indexOf = (cards: Cards): Index | undefined => (cards as Indexed)[INDEX];

function setIndex(cards: Cards, index: Index): void {
  Object.defineProperty(cards, INDEX, { value: index, writable: true, configurable: true });
}

/**
 * The handle of every attached card by the card it is attached to, in the order of the cards
 * record: one scan per match (or per guess at a hidden state), then kept up to date as cards
 * arrive and leave (`cardAdded`, `cardRemoved`, which `Draft` calls), and shared by a record's
 * copies until one of them changes. Handles, not card objects: a card written in place (damage,
 * say) is a new object, and its attachment cannot change without it leaving (`attachedTo` is
 * set only as a card arrives).
 */
export function attachedByUnit(cards: Cards): ReadonlyMap<string, readonly string[]> {
  let index = indexOf(cards);
  if (!index) {
    const units = new Map<string, string[]>();
    for (const card of Object.values(cards))
      if (isAttached(card)) {
        const list = units.get(card.attachedTo!);
        if (list) list.push(card.handle);
        else units.set(card.attachedTo!, [card.handle]);
      }
    setIndex(cards, (index = { units, shared: false }));
  }
  return index.units;
}

const isAttached = (card: CardInstance): boolean => card.zone === ATTACHED && !!card.attachedTo;

/**
 * A copy of a record (or a record that starts with `original`'s cards, in their order, plus
 * cards attached to nothing) has the same index.
 */
export function cardsCopied(original: Cards, copy: Cards): void {
  const index = indexOf(original);
  if (!index) return;
  index.shared = true;
  setIndex(copy, { units: index.units, shared: true });
}

/** A card was added at the end of `cards` (a new key: the end of the record's order). */
export function cardAdded(cards: Cards, card: CardInstance): void {
  const index = indexOf(cards);
  if (!index || !isAttached(card)) return;
  const units = writable(index);
  const unit = card.attachedTo!;
  units.set(unit, [...(units.get(unit) ?? []), card.handle]);
}

/** A card was removed from `cards`. */
export function cardRemoved(cards: Cards, card: CardInstance): void {
  const index = indexOf(cards);
  if (!index || !isAttached(card)) return;
  const units = writable(index);
  const unit = card.attachedTo!;
  const left = (units.get(unit) ?? []).filter((handle) => handle !== card.handle);
  if (left.length) units.set(unit, left);
  else units.delete(unit);
}

function writable(index: Index): Map<string, readonly string[]> {
  if (index.shared) {
    index.units = new Map(index.units);
    index.shared = false;
  }
  return index.units;
}
