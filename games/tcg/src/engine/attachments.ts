import { ATTACHED, type CardInstance } from './state.ts';

type Cards = Readonly<Record<string, CardInstance>>;

const byRecord = new WeakMap<Cards, Map<string, string[]>>();

/**
 * The handle of every attached card by the card it is attached to, in the order of the cards
 * record: one scan per cards record, which the states of a match share until a card arrives or
 * leaves. Handles, not card objects: a card written in place (damage, say) is a new object, and
 * its attachment cannot change without it leaving (`attachedTo` and `under` are set only as a
 * card arrives), so only `Draft.cards` (adding or removing a card) calls `cardsChanging`, and
 * a record's copy starts with its index (`cardsCopied`).
 */
export function attachedByUnit(cards: Cards): Map<string, string[]> {
  let index = byRecord.get(cards);
  if (!index) {
    index = new Map();
    for (const card of Object.values(cards))
      if (card.zone === ATTACHED && card.attachedTo) {
        const list = index.get(card.attachedTo);
        if (list) list.push(card.handle);
        else index.set(card.attachedTo, [card.handle]);
      }
    byRecord.set(cards, index);
  }
  return index;
}

/** A copy of a record has the same cards in the same order, so the same index. */
export function cardsCopied(original: Cards, copy: Cards): void {
  const index = byRecord.get(original);
  if (index) byRecord.set(copy, index);
}

/** Drops what is cached about a cards record a card is about to be added to or removed from. */
export function cardsChanging(cards: Cards): void {
  byRecord.delete(cards);
}
