import type { AnyGame } from '@cardtable/engine';
import type { CreateMatchRequest } from '@cardtable/sdk/protocol';
import type { Content, TcgGame, TcgOptions } from '@cardtable/tcg';
import { apiError, fromRuleError } from '../errors.ts';
import type { HostedGame } from '../games.ts';
import { parseDeckList } from './deck-list.ts';
import { gameVisibleTo } from './game-visibility.ts';
import type { ContentLibrary } from './library.ts';
import type { ContentPin } from './store.ts';
import type { CheckRequester } from './validate.ts';

/** What a new match is created with: the game, its raw options, and the content it pins. */
export interface MatchSetup {
  hosted: HostedGame;
  options: unknown;
  pin: ContentPin | null;
}

/**
 * Resolves `POST /api/matches`'s `game` (a built-in name or a creator's slug) and which of its
 * content to play: `version` (a published game's latest non-deprecated version by default), or
 * with `draft` a playtest of the draft as it is now (its creator only); then folds each seat's
 * `deck` into the TCG options, checked against the version's banlist (new matches only).
 */
export async function setupMatch(
  library: ContentLibrary,
  body: CreateMatchRequest,
  /** Who asks (null: the server itself, as matchmaking does, which never plays drafts). */
  requester: CheckRequester | null,
): Promise<MatchSetup> {
  const builtIn = library.builtIn.get(body.game);
  if (body.draft && body.version !== undefined)
    throw apiError('BAD_REQUEST', 'A playtest plays the draft: it takes no version.');
  if (builtIn) {
    if (body.version !== undefined || body.draft)
      throw apiError('BAD_REQUEST', `${body.game} is built in: it has no versions or draft.`);
    const content = tcgContentOf(builtIn.game);
    return {
      hosted: builtIn,
      options: content ? await tcgOptions(builtIn.game, content, [], body) : (body.options ?? {}),
      pin: null,
    };
  }
  const { store } = library;
  const game = await store.gameBySlug(body.game);
  // Someone else's unpublished draft is refused as an unknown game: its name stays the creator's.
  if (!game || !(await gameVisibleTo(store, game, requester?.user ?? null))) {
    throw apiError('BAD_REQUEST', `Unknown game "${body.game}".`, {
      games: [...library.builtIn.keys()],
    });
  }
  if (body.draft) {
    if (requester === null) throw apiError('BAD_REQUEST', 'Only a creator can playtest a draft.');
    const playtest = await library.snapshotDraft(game, requester);
    const { gameId, version, contentHash } = playtest;
    return {
      hosted: playtest.hosted,
      options: await tcgOptions(playtest.hosted.game, playtest.content, [], body),
      pin: { gameId, version, contentHash },
    };
  }
  const row =
    body.version === undefined
      ? await store.latestPlayable(game.id)
      : await store.version(game.id, body.version);
  if (!row)
    throw apiError(
      'BAD_REQUEST',
      body.version === undefined
        ? `${game.name} has no published version to play.`
        : `${game.name} has no version ${body.version}.`,
    );
  if (row.deprecated)
    throw apiError('BAD_REQUEST', `Version ${row.version} of ${game.name} is deprecated.`);
  const loaded = await library.load(game.id, row.version);
  return {
    hosted: loaded.hosted,
    options: await tcgOptions(loaded.hosted.game, loaded.content, row.banlist, body),
    pin: { gameId: game.id, version: row.version, contentHash: row.contentHash },
  };
}

const tcgContentOf = (game: AnyGame): Content | null =>
  'registry' in game ? ((game as TcgGame).registry.list()[0] ?? null) : null;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The match's TCG options: seat decks folded in, parsed by the game, banlist checked. */
async function tcgOptions(
  game: AnyGame,
  content: Content,
  banlist: readonly string[],
  body: CreateMatchRequest,
): Promise<TcgOptions> {
  const raw = isRecord(body.options) ? { ...body.options } : {};
  const given = Array.isArray(raw.decks) ? raw.decks : [];
  const decks = body.seats.map((seat, index) => {
    const deck = seat.deck ?? given[index] ?? content.decks[index]?.id;
    if (!isRecord(deck) || typeof deck.list !== 'string') return deck;
    const parsed = parseDeckList(content, deck.list);
    if (!parsed.ok) throw deckError(index, parsed.problems);
    return { name: 'Pasted deck', cards: parsed.cards };
  });
  const parsed = game.parseOptions(
    { ...raw, ruleset: content.ruleset.id, version: content.ruleset.version, decks },
    body.seats.length,
  );
  if (!parsed.ok) {
    const error = fromRuleError(parsed.error, 'BAD_REQUEST');
    throw apiError('BAD_REQUEST', error.message, error.details);
  }
  const options = parsed.value as TcgOptions;
  if (banlist.length > 0) {
    const { validateDeck } = await import('@cardtable/tcg');
    const banned = withBanlist(content, banlist);
    options.decks.forEach((deck, seat) => {
      const problems = validateDeck(banned, deck.cards);
      if (problems.length > 0) throw deckError(seat, problems, deck.name);
    });
  }
  return options;
}

const deckError = (seat: number, problems: string[], name?: string) =>
  apiError('BAD_REQUEST', `Deck ${seat + 1}${name ? ` (${name})` : ''}: ${problems.join(' ')}`, {
    seat,
    problems,
  });

/** The content with a version's banlist added to its ruleset's, for deck checks. */
const withBanlist = (content: Content, banlist: readonly string[]): Content => ({
  ...content,
  ruleset: {
    ...content.ruleset,
    deck: { ...content.ruleset.deck, banned: [...content.ruleset.deck.banned, ...banlist] },
  },
});
