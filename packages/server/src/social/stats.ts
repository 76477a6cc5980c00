import type { FinishedMatch } from './finished-match.ts';

export interface GolfStats {
  rounds: number;
  roundScoreSum: number;
  bestRound: number | null;
  worstRound: number | null;
  /** Rounds this player ended by going out first. */
  knockOuts: number;
  /** Rounds whose 21 became 0 under the blackjack rule. */
  blackjacks: number;
  /** Rounds of 0 or less. */
  perfectRounds: number;
}

export interface TcgStats {
  /** Per deck name: games and wins. */
  decks: Record<string, { games: number; wins: number }>;
}

/** One player's record in one game. A win is a first place (shared or not). */
export interface PlayerStats {
  games: number;
  wins: number;
  currentStreak: number;
  bestStreak: number;
  golf?: GolfStats;
  tcg?: TcgStats;
}

export const EMPTY_STATS: Readonly<PlayerStats> = Object.freeze({
  games: 0,
  wins: 0,
  currentStreak: 0,
  bestStreak: 0,
});

const EMPTY_GOLF: Readonly<GolfStats> = Object.freeze({
  rounds: 0,
  roundScoreSum: 0,
  bestRound: null,
  worstRound: null,
  knockOuts: 0,
  blackjacks: 0,
  perfectRounds: 0,
});

/** The player's stats after one more finished match. */
export function addMatch(stats: PlayerStats, match: FinishedMatch, seat: number): PlayerStats {
  const won = match.outcome.winners.includes(seat);
  const currentStreak = won ? stats.currentStreak + 1 : 0;
  const next: PlayerStats = {
    ...stats,
    games: stats.games + 1,
    wins: stats.wins + (won ? 1 : 0),
    currentStreak,
    bestStreak: Math.max(stats.bestStreak, currentStreak),
  };
  if (match.game === 'golf') next.golf = addGolfRounds(stats.golf ?? EMPTY_GOLF, match, seat);
  const deck = match.tcgDecks[seat];
  if (deck !== undefined) {
    const decks = stats.tcg?.decks ?? {};
    const before = decks[deck] ?? { games: 0, wins: 0 };
    next.tcg = {
      decks: { ...decks, [deck]: { games: before.games + 1, wins: before.wins + (won ? 1 : 0) } },
    };
  }
  return next;
}

function addGolfRounds(golf: GolfStats, match: FinishedMatch, seat: number): GolfStats {
  let next = golf;
  for (const round of match.golfRounds) {
    const score = round.scores.find((s) => s.seat === seat);
    if (!score) continue;
    const points = score.roundScore;
    next = {
      rounds: next.rounds + 1,
      roundScoreSum: next.roundScoreSum + points,
      bestRound: next.bestRound === null ? points : Math.min(next.bestRound, points),
      worstRound: next.worstRound === null ? points : Math.max(next.worstRound, points),
      knockOuts: next.knockOuts + (round.finisher === seat ? 1 : 0),
      blackjacks: next.blackjacks + score.adjustments.filter((a) => a.kind === 'blackjack').length,
      perfectRounds: next.perfectRounds + (points <= 0 ? 1 : 0),
    };
  }
  return next;
}
