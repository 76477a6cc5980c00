import { fail, ok, type Result } from '@cardtable/engine';
import type { DeckList } from '../content/ast.ts';
import type { Content } from '../content/content.ts';
import { expandDeck, validateDeck } from '../content/deck.ts';
import type { ContentRegistry } from '../content/registry.ts';

export interface TcgDeck {
  name: string;
  /** One card id per copy, in list order (the deck is shuffled at the start). */
  cards: string[];
}

/** A match's options: the ruleset (id and exact version) and both decks. */
export interface TcgOptions {
  ruleset: string;
  version: string;
  decks: [TcgDeck, TcgDeck];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Raw options: `{ruleset?: "demo", version?: "1.0.0", decks?: [deck, deck]}` where a deck is
 * the id of a deck shipped with the ruleset or `{name?, cards: [{card, count}] | [card ids]}`.
 * Defaults: the newest version and the ruleset's first two decks.
 */
export function parseTcgOptions(
  registry: ContentRegistry,
  raw: unknown,
  seatCount: number,
): Result<TcgOptions> {
  if (seatCount !== 2) return fail('INVALID_OPTIONS', 'A TCG match has exactly two seats.');
  const options = raw === undefined || raw === null ? {} : raw;
  if (!isRecord(options)) return fail('INVALID_OPTIONS', 'Options must be an object.');
  const unknown = Object.keys(options).find((k) => !['ruleset', 'version', 'decks'].includes(k));
  if (unknown) return fail('INVALID_OPTIONS', `Unknown option "${unknown}".`, { option: unknown });
  const id = options.ruleset ?? 'demo';
  if (typeof id !== 'string')
    return fail('INVALID_OPTIONS', '"ruleset" must be a ruleset id.', { option: 'ruleset' });
  if (options.version !== undefined && typeof options.version !== 'string')
    return fail('INVALID_OPTIONS', '"version" must be a version string.', { option: 'version' });
  const content = registry.find(id, options.version as string | undefined);
  if (!content) {
    const known = registry
      .list()
      .map((c) => `${c.ruleset.id}@${c.ruleset.version}`)
      .join(', ');
    return fail(
      'UNKNOWN_RULESET',
      `No ruleset "${id}"${options.version ? ` version ${String(options.version)}` : ''}; known: ${known}.`,
      { option: 'ruleset' },
    );
  }
  const rawDecks = options.decks ?? content.decks.slice(0, 2).map((d) => d.id);
  if (!Array.isArray(rawDecks) || rawDecks.length !== 2)
    return fail('INVALID_OPTIONS', '"decks" must list two decks.', { option: 'decks' });
  const decks: TcgDeck[] = [];
  for (const [seat, rawDeck] of rawDecks.entries()) {
    const deck = resolveDeck(content, rawDeck);
    if (typeof deck === 'string')
      return fail('INVALID_DECK', `Deck ${seat + 1}: ${deck}`, { option: 'decks', seat });
    const problems = validateDeck(content, deck.cards);
    if (problems.length)
      return fail('INVALID_DECK', `Deck ${seat + 1} (${deck.name}): ${problems.join(' ')}`, {
        option: 'decks',
        seat,
        problems,
      });
    decks.push(deck);
  }
  return ok({
    ruleset: content.ruleset.id,
    version: content.ruleset.version,
    decks: decks as [TcgDeck, TcgDeck],
  });
}

function resolveDeck(content: Content, raw: unknown): TcgDeck | string {
  if (typeof raw === 'string') {
    const shipped = content.decks.find((d) => d.id === raw);
    return shipped
      ? { name: shipped.name, cards: expandDeck(shipped) }
      : `no deck "${raw}" ships with ${content.ruleset.id} (known: ${content.decks.map((d) => d.id).join(', ')}).`;
  }
  if (!isRecord(raw) || !Array.isArray(raw.cards))
    return 'a deck is a deck id or {name?, cards: [...]}.';
  const name = typeof raw.name === 'string' ? raw.name : 'Custom deck';
  if (raw.cards.every((c) => typeof c === 'string')) return { name, cards: raw.cards as string[] };
  if (
    raw.cards.every(
      (c) =>
        isRecord(c) &&
        typeof c.card === 'string' &&
        Number.isInteger(c.count) &&
        (c.count as number) > 0 &&
        (c.count as number) <= 99,
    )
  )
    return { name, cards: expandDeck({ cards: raw.cards as DeckList['cards'] }) };
  return 'cards must be card ids or {card, count} entries.';
}
