import type { Seat } from '@cardtable/engine';
import type { Content } from '../content/content.ts';
import type { BalancePlan, MatchRecord } from './balance-plan.ts';
import { endingWords } from '../content/words.ts';
import { luaFailureCounts, type LuaFailureCount } from './lua-failures.ts';
import { wilsonInterval, type Rate } from './wilson.ts';

/** Wins, losses and draws out of finished games, and the win rate with its 95% interval. */
export interface Tally {
  games: number;
  wins: number;
  losses: number;
  draws: number;
  winRate: Rate;
}

export interface DeckResult extends Tally {
  id: string;
  name: string;
  /** The CPU profile that played it. */
  profile: string;
}

/** One cell of the matchup grid: `deck` against `opponent`, from `deck`'s side. */
export interface MatchupResult extends Tally {
  deck: string;
  opponent: string;
}

export interface EndingResult {
  /** The engine's reason (`lifeZero`, `deckOut`, `turnLimit`, `winCondition`, `loop`, ...). */
  reason: string;
  /** The win rule's own words, when it has them: each rule of a ruleset is its own ending. */
  text?: string;
  /** The ending as people read it, in the ruleset's own nouns (`endingWords`). */
  words: string;
  games: number;
  /** Share of the finished games. */
  share: number;
}

export interface CardResult {
  card: string;
  name: string;
  deck: string;
  /** Finished games of its deck in which it was played at least once. */
  gamesPlayed: number;
  /** Share of its deck's finished games in which it was played at least once. */
  playRate: number;
  /** How often its deck won the games in which it was played. */
  winRateWhenPlayed: Rate;
}

/**
 * A balance report in sections, each computed from the match records alone by its own
 * function below (a new section is a new field and a new function).
 */
export interface BalanceReport {
  ruleset: { id: string; version: string };
  seed: string;
  gamesPerPairing: number;
  /** Matches played, finished or not. */
  games: number;
  decks: DeckResult[];
  /** Every ordered pair of different decks (both sides of each pairing). */
  matchups: MatchupResult[];
  /** The seat that took the first turn, whichever deck it had. */
  firstPlayer: Tally;
  /** How the finished games ended, most common first. */
  endings: EndingResult[];
  cards: CardResult[];
  averageTurns: number;
  averageActions: number;
  errors: { game: number; message: string }[];
  /** Lua abilities that failed, per card, most failures first. */
  luaFailures: LuaFailureCount[];
}

/** A finished match: one whose record has an outcome. */
export type Finished = MatchRecord & { outcome: NonNullable<MatchRecord['outcome']> };

const SEATS: readonly Seat[] = [0, 1];

/**
 * The report on a plan's match records: pure, and the same for the same records in any
 * order (they are sorted by index first), so worker threads, the CLI and the server agree.
 */
export function balanceReport(
  content: Content,
  plan: BalancePlan,
  records: readonly MatchRecord[],
): BalanceReport {
  const sorted = [...records].sort((a, b) => a.index - b.index);
  const finished = sorted.filter((r): r is Finished => r.outcome !== null);
  return {
    ruleset: { id: content.ruleset.id, version: content.ruleset.version },
    seed: plan.seed,
    gamesPerPairing: plan.gamesPerPairing,
    games: sorted.length,
    decks: deckResults(content, plan, finished),
    matchups: matchupResults(plan, finished),
    firstPlayer: firstPlayerResult(finished),
    endings: endingResults(content, finished),
    cards: cardResults(content, plan, finished),
    averageTurns: average(finished.map((r) => r.turns)),
    averageActions: average(finished.map((r) => r.actions)),
    errors: errorsOf(sorted),
    luaFailures: luaFailureCounts(sorted),
  };
}

/** The engine errors of match records, by match index. */
export const errorsOf = (records: readonly MatchRecord[]) =>
  records.flatMap((r) => (r.error === null ? [] : [{ game: r.index, message: r.error }]));

/** Tallies games from one side: `side(record)` is the seat counted, or null to skip it. */
export function tally(
  records: readonly Finished[],
  side: (record: Finished) => Seat | null,
): Tally {
  let games = 0;
  let wins = 0;
  let draws = 0;
  for (const record of records) {
    const seat = side(record);
    if (seat === null) continue;
    games++;
    if (record.outcome.tie) draws++;
    else if (record.outcome.winners.includes(seat)) wins++;
  }
  return { games, wins, losses: games - wins - draws, draws, winRate: wilsonInterval(wins, games) };
}

const seatOf = (record: Finished, deck: string): Seat | null => {
  const seat = record.decks.indexOf(deck);
  return seat < 0 ? null : (seat as Seat);
};

function deckResults(content: Content, plan: BalancePlan, records: Finished[]): DeckResult[] {
  return plan.decks.map((id, i) => ({
    id,
    name: content.decks.find((deck) => deck.id === id)?.name ?? id,
    profile: plan.profiles[i]!,
    ...tally(records, (record) => seatOf(record, id)),
  }));
}

function matchupResults(plan: BalancePlan, records: Finished[]): MatchupResult[] {
  return plan.decks.flatMap((deck) =>
    plan.decks
      .filter((opponent) => opponent !== deck)
      .map((opponent) => ({
        deck,
        opponent,
        ...tally(records, (record) =>
          record.decks.includes(opponent) ? seatOf(record, deck) : null,
        ),
      })),
  );
}

function firstPlayerResult(records: Finished[]): Tally {
  return tally(records, (record) => record.firstSeat);
}

function endingResults(content: Content, records: Finished[]): EndingResult[] {
  const counts = new Map<string, EndingResult>();
  for (const { outcome } of records) {
    const key = JSON.stringify([outcome.reason, outcome.text ?? null]);
    const ending = counts.get(key) ?? {
      reason: outcome.reason,
      ...(outcome.text === undefined ? {} : { text: outcome.text }),
      words: endingWords(outcome.reason, outcome.text, content.ruleset.vocabulary),
      games: 0,
      share: 0,
    };
    ending.games++;
    counts.set(key, ending);
  }
  return [...counts.values()]
    .map((e) => ({ ...e, share: e.games / records.length }))
    .sort((a, b) => b.games - a.games || a.words.localeCompare(b.words));
}

function cardResults(content: Content, plan: BalancePlan, records: Finished[]): CardResult[] {
  return plan.decks.flatMap((deck) => {
    const list = content.decks.find((d) => d.id === deck)?.cards ?? [];
    const cards = [...new Set(list.map((entry) => entry.card))];
    const games = records.filter((record) => record.decks.includes(deck));
    return cards
      .map((card): CardResult => {
        let gamesPlayed = 0;
        let wins = 0;
        for (const record of games)
          for (const seat of SEATS)
            if (record.decks[seat] === deck && record.played[seat]!.includes(card)) {
              gamesPlayed++;
              if (!record.outcome.tie && record.outcome.winners.includes(seat)) wins++;
            }
        return {
          card,
          name: content.cards.get(card)?.name ?? card,
          deck,
          gamesPlayed,
          playRate: games.length ? gamesPlayed / games.length : 0,
          winRateWhenPlayed: wilsonInterval(wins, gamesPlayed),
        };
      })
      .sort((a, b) => b.playRate - a.playRate || a.name.localeCompare(b.name));
  });
}

export const average = (values: number[]) =>
  values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
