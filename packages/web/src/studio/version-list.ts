import type { VersionSummary } from '@cardtable/sdk';

/** A card of a published version, as the version's detail lists it. */
export interface VersionCard {
  id: string;
  name: string;
  token?: boolean;
}

/** A deck of a published version: its cards by id and count. */
export interface VersionDeck {
  id: string;
  name: string;
  cards: { card: string; count: number }[];
}

/** Newest first. */
export const newestFirst = (versions: readonly VersionSummary[]): VersionSummary[] =>
  [...versions].sort((a, b) => b.version - a.version);

/** The version new matches take when none is asked for: the newest not deprecated (as the server picks). */
export function currentVersion(versions: readonly VersionSummary[]): number | null {
  return newestFirst(versions).find((v) => !v.deprecated)?.version ?? null;
}

/** The cards a banlist may name: the version's own cards, not tokens (as the server checks), by name. */
export function bannableCards(cards: readonly VersionCard[]): VersionCard[] {
  return cards.filter((card) => !card.token).sort((a, b) => a.name.localeCompare(b.name));
}

/** The names of a version's cards by id, in the order given; an id the version lacks stays an id. */
export function cardNames(ids: readonly string[], cards: readonly VersionCard[]): string[] {
  const nameOf = new Map(cards.map((card) => [card.id, card.name]));
  return ids.map((id) => nameOf.get(id) ?? id);
}

/**
 * The version's decks that hold a banned card, with the names of those cards: new matches
 * refuse them (a CPU seat's default deck too), so the creator should know before saving.
 */
export function decksHit(
  decks: readonly VersionDeck[],
  cards: readonly VersionCard[],
  banned: ReadonlySet<string>,
): { deck: string; cards: string[] }[] {
  return decks.flatMap((deck) => {
    const hit = cardNames(
      deck.cards.filter((entry) => banned.has(entry.card)).map((entry) => entry.card),
      cards,
    );
    return hit.length > 0 ? [{ deck: deck.name, cards: [...new Set(hit)] }] : [];
  });
}
