import type { Outcome } from '@cardtable/engine';
import type { RoundResult } from '@cardtable/golf';

/** What the social projection reads of one finished match (src/social/feed.ts loads it). */
export interface FinishedMatch {
  /** Its place in the projection's feed: the order matches are folded in. */
  position: number;
  matchId: string;
  /** The game's name, or a published game's slug. */
  game: string;
  /** The ruleset version, or a published game's version number. */
  version: string;
  endedAt: string;
  /** Created rated, with rules that count for ratings (Golf: standard rules only). */
  rated: boolean;
  /** The human seats that a user held, in seat order. */
  players: { seat: number; userId: string }[];
  outcome: Outcome;
  /** Golf: every round's scores, in order. */
  golfRounds: RoundResult[];
  /** TCG: each seat's deck name. */
  tcgDecks: string[];
}

/** Outcomes that are no contest: nobody played it out, so nothing is counted. */
export const NO_CONTEST_REASONS: ReadonlySet<string> = new Set(['expired', 'closed', 'abandoned']);

export const placeOf = (outcome: Outcome, seat: number): number | null =>
  outcome.standings.find((standing) => standing.seat === seat)?.place ?? null;
