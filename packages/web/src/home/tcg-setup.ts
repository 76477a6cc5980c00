import type { CreateMatchRequest } from '@cardtable/sdk';
import type { GameSummary } from '@cardtable/sdk';
import { accessRequest, type MatchAccess } from './match-access.ts';

/** A seat's deck: one of the game's decks, or a list pasted by the player. */
export type DeckChoice = { kind: 'deck'; id: string } | { kind: 'list'; text: string };

/** Who sits opposite: a friend invited by code or link, or the CPU at a difficulty. */
export type Opponent = { kind: 'friend' } | { kind: 'cpu'; profile: string };

export interface TcgSetup {
  /** A published version, or null for the latest one the server offers. */
  version: number | null;
  /** The decks of seat 0 (the creator) and seat 1. */
  decks: [DeckChoice, DeckChoice];
  opponent: Opponent;
  /** Seconds per turn on the server's clock; null for no timer. */
  turnSeconds: number | null;
  /** Replay privacy and join approval; the server's defaults when absent. */
  access?: MatchAccess;
}

/** The TCG CPU's difficulties, easiest first (the server's profiles of the same names). */
export const TCG_CPU_LEVELS = [
  { profile: 'easy', label: 'Easy' },
  { profile: 'hard', label: 'Hard' },
] as const;

/** The longest pasted deck list the server takes (`SeatDeck` in the content API). */
export const MAX_DECK_LIST_CHARS = 20_000;

/** A pasted list left empty is said at its field before anything is sent. */
export function emptyDeckLists(setup: TcgSetup): [string[], string[]] {
  const check = (choice: DeckChoice) =>
    choice.kind === 'list' && choice.text.trim() === ''
      ? ['Paste a deck list, or pick a deck.']
      : [];
  return [check(setup.decks[0]), check(setup.decks[1])];
}

/** The first two decks of the game face each other, or both play the only one. */
export function defaultTcgSetup(game: GameSummary): TcgSetup {
  const first = game.decks[0];
  const second = game.decks[1] ?? first;
  const deck = (choice: { id: string } | undefined): DeckChoice =>
    choice ? { kind: 'deck', id: choice.id } : { kind: 'list', text: '' };
  return {
    version: null,
    decks: [deck(first), deck(second)],
    opponent: { kind: 'cpu', profile: TCG_CPU_LEVELS[0].profile },
    turnSeconds: null,
  };
}

const deckOf = (choice: DeckChoice) => (choice.kind === 'deck' ? choice.id : { list: choice.text });

/** The request that creates the match: the creator takes seat 0. */
export function tcgMatchRequest(
  game: GameSummary,
  setup: TcgSetup,
  name: string,
): CreateMatchRequest {
  const me = name.trim();
  return {
    game: game.slug,
    ...(setup.version === null || game.builtIn ? {} : { version: setup.version }),
    seats: [
      { kind: 'human', ...(me ? { name: me } : {}), deck: deckOf(setup.decks[0]) },
      setup.opponent.kind === 'cpu'
        ? { kind: 'cpu', profile: setup.opponent.profile, deck: deckOf(setup.decks[1]) }
        : { kind: 'human', deck: deckOf(setup.decks[1]) },
    ],
    ...(setup.turnSeconds === null ? {} : { turnTimeLimitMs: setup.turnSeconds * 1000 }),
    ...accessRequest(setup.access),
  };
}
