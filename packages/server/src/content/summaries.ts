import type { AnyGame } from '@cardtable/engine';
import { builtInTitle } from '@cardtable/games';
import type { GameSummary, VersionSummary } from '@cardtable/sdk/content';
import { TCG_SEATS, type Content, type TcgGame } from '@cardtable/tcg';
import type { StoredFiles } from './package.ts';
import type { GameRow, VersionRow } from './store.ts';

/** Every built-in game but Golf is a TCG (a set hosted under its own name). */
const isTcg = (game: AnyGame): game is TcgGame => 'registry' in game;

export function builtInSummary(game: AnyGame, playCount: number): GameSummary {
  const content = isTcg(game) ? (game.registry.list()[0] ?? null) : null;
  const title = builtInTitle(game.name);
  return {
    slug: game.name,
    name: content?.ruleset.name ?? title?.name ?? game.name,
    description: title?.description ?? '',
    kind: isTcg(game) ? 'tcg' : 'golf',
    builtIn: true,
    creator: null,
    latestVersion: null,
    playCount,
    decks: content ? content.decks.map((deck) => ({ id: deck.id, name: deck.name })) : [],
    seats: { ...game.seats },
  };
}

export function gameSummary(
  game: GameRow,
  latest: VersionRow | null,
  playable: VersionRow | null,
  playCount: number,
): GameSummary {
  return {
    slug: game.slug,
    name: game.name,
    description: game.description,
    kind: game.kind,
    builtIn: false,
    creator: { id: game.ownerId, name: game.ownerName },
    latestVersion: latest?.version ?? null,
    playCount,
    decks: playable?.decks ?? [],
    // A published game is a card game of the creator format.
    seats: { ...TCG_SEATS },
  };
}

export const versionSummary = (row: VersionRow): VersionSummary => ({
  version: row.version,
  contentHash: row.contentHash,
  publishedAt: row.publishedAt,
  deprecated: row.deprecated,
  banlist: row.banlist,
});

const IMAGE = /^art\/([^/]+)\.(png|webp)$/;

/**
 * Which card shows which image: `art/<name>.png|.webp` belongs to the card whose id ends in
 * `/<name>` (`reef/pearl-diver` -> `art/pearl-diver.png`). Answers card id -> `/api/art/<hash>`.
 */
export function cardArtUrls(content: Content, files: StoredFiles): Record<string, string> {
  const byName = new Map<string, string>();
  for (const [path, file] of Object.entries(files)) {
    const match = IMAGE.exec(path);
    if (match && typeof file !== 'string') byName.set(match[1]!, `/api/art/${file.sha256}`);
  }
  const urls: Record<string, string> = {};
  for (const card of content.cards.values()) {
    const url = byName.get(card.id.slice(card.id.indexOf('/') + 1));
    if (url && !card.token) urls[card.id] = url;
  }
  return urls;
}
