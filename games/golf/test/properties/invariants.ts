import type { Viewer } from '@cardtable/engine';
import { buildShoe, type Card, type GolfOptions, type GolfState } from '../../src/index.ts';

/** The spec's shoe sizes (section 1), written out independently of src/shoe.ts. */
export function expectedShoeSize(options: GolfOptions): number {
  const jokers =
    options.jokerMode === 'standard' || options.jokerMode === 'eagleEye'
      ? 2 * options.decks
      : options.jokerMode === 'luckySwing'
        ? 1
        : 0;
  return 52 * options.decks + jokers;
}

/** Every card of the table, wherever it is: deck, discard pile, hands, or held. */
export function cardsOnTable(state: GolfState): Card[] {
  const cards = [...state.deck, ...state.discard];
  for (const player of state.players) for (const slot of player.hand) cards.push(slot.card);
  if (state.phase.kind === 'turn' && state.phase.step.kind === 'holding') {
    cards.push(state.phase.step.card);
  }
  return cards;
}

/** A problem with card conservation, or null: each card of the shoe in exactly one place. */
export function conservationProblem(state: GolfState): string | null {
  const size = expectedShoeSize(state.options);
  const shoe = buildShoe(state.options.decks, state.options.jokerMode);
  if (shoe.length !== size) return `The shoe has ${shoe.length} cards, not ${size}.`;
  const cards = cardsOnTable(state);
  if (cards.length !== size) return `${cards.length} cards on the table, not ${size}.`;
  const seen = new Set<number>();
  for (const card of cards) {
    if (seen.has(card.id)) return `Card ${card.id} is in two places.`;
    seen.add(card.id);
    const original = shoe[card.id];
    if (
      !original ||
      original.rank !== card.rank ||
      original.suit !== card.suit ||
      original.deck !== card.deck
    ) {
      return `Card ${card.id} is not the shoe's card ${JSON.stringify(original)}: ${JSON.stringify(card)}.`;
    }
  }
  return null;
}

/** Ids of the cards `viewer` may know in `state`: face-up cards, the discard pile, a held card it may see. */
export function visibleIds(state: GolfState, viewer: Viewer): Set<number> {
  const ids = new Set<number>();
  for (const player of state.players) {
    for (const slot of player.hand) if (slot.faceUp) ids.add(slot.card.id);
  }
  for (const card of state.discard) ids.add(card.id);
  const { phase } = state;
  if (phase.kind === 'turn' && phase.step.kind === 'holding') {
    const { card, source } = phase.step;
    const holder = viewer.kind === 'seat' && viewer.seat === phase.seat;
    if (source === 'discard' || holder) ids.add(card.id);
  }
  return ids;
}

/**
 * Problems with what a payload shows: a card identity outside `allowed`, or a hidden card that
 * carries more than its back.
 */
export function leaks(payload: unknown, allowed: ReadonlySet<number>, where: string): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${path}/${index}`));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if ('hidden' in record) {
      const keys = Object.keys(record).sort().join(',');
      if (keys !== 'deck,hidden') found.push(`${where}${path}: a hidden card with keys ${keys}`);
      return;
    }
    if ('rank' in record || 'suit' in record) {
      const id = record.id as number;
      if (!allowed.has(id)) found.push(`${where}${path}: card ${JSON.stringify(record)}`);
      return;
    }
    for (const [key, inner] of Object.entries(record)) walk(inner, `${path}/${key}`);
  };
  walk(payload, '');
  return found;
}
