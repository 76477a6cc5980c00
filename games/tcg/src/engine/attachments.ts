import { ATTACHED, type CardInstance } from './state.ts';

type Cards = Readonly<Record<string, CardInstance>>;

const byRecord = new WeakMap<Cards, Map<string, CardInstance[]>>();

/**
 * Every attached card by the card it is attached to, in the order of the cards record: one
 * scan per cards record, which the states of a match share until a card changes. `Draft` calls
 * `cardsChanging` before it writes to a record, so a record changed in place is scanned again.
 */
export function attachedByUnit(cards: Cards): Map<string, CardInstance[]> {
  let index = byRecord.get(cards);
  if (!index) {
    index = new Map();
    for (const card of Object.values(cards))
      if (card.zone === ATTACHED && card.attachedTo) {
        const list = index.get(card.attachedTo);
        if (list) list.push(card);
        else index.set(card.attachedTo, [card]);
      }
    byRecord.set(cards, index);
  }
  return index;
}

/** Drops what is cached about a cards record about to be written to. */
export function cardsChanging(cards: Cards): void {
  byRecord.delete(cards);
}
