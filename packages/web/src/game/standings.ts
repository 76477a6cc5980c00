import type { Outcome, Seat } from '@cardtable/engine';

export interface StandingRow {
  seat: Seat;
  name: string;
  place: number;
  /** "1st", or "T-1st" when the place is shared. */
  placeLabel: string;
  score: number | null;
  winner: boolean;
  /** The row of the player looking at it. */
  mine: boolean;
}

const SUFFIXES: Record<number, string> = { 1: 'st', 2: 'nd', 3: 'rd' };

const ordinal = (n: number) => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${SUFFIXES[n % 10] ?? 'th'}`;
};

/**
 * The outcome as rows to show, best first; a shared place reads as a tie, never a pick. `me` is
 * the seat of the player looking (null for a spectator or a replay): a new player's name is a
 * made-up "Guest 672" they may not recognise at fourth place.
 */
export function standingRows(
  outcome: Outcome,
  name: (seat: Seat) => string,
  me: Seat | null = null,
): StandingRow[] {
  const sorted = [...outcome.standings].sort((a, b) => a.place - b.place || a.seat - b.seat);
  return sorted.map((standing) => {
    const shared = sorted.filter((other) => other.place === standing.place).length > 1;
    return {
      seat: standing.seat,
      name: name(standing.seat),
      place: standing.place,
      placeLabel: `${shared ? 'T-' : ''}${ordinal(standing.place)}`,
      score: standing.score ?? null,
      winner: outcome.winners.includes(standing.seat),
      mine: standing.seat === me,
    };
  });
}

/** One line: "Maya won (12)", "You won (12)", "A tie for first: you and Maya (12)". */
export function outcomeHeadline(
  outcome: Outcome,
  name: (seat: Seat) => string,
  me: Seat | null = null,
): string {
  // The player's own win comes first and as "you": "Guest 672 won" read like someone else's.
  const ordered = [...outcome.winners].sort((a, b) => Number(b === me) - Number(a === me));
  const winners = ordered.map((seat) => (seat === me ? 'you' : name(seat)));
  const score = outcome.standings.find((s) => s.seat === outcome.winners[0])?.score;
  const withScore = score === undefined ? '' : ` (${score})`;
  if (outcome.tie || winners.length > 1) {
    return `A tie for first: ${joinNames(winners)}${withScore}`;
  }
  if (ordered[0] === undefined) return `Nobody won${withScore}`;
  return `${ordered[0] === me ? 'You' : name(ordered[0])} won${withScore}`;
}

/**
 * How the scores ranked the players, where a new player could read them the wrong way round:
 * Golf's winner has the fewest points ("Priya won (75)" above a 278 looked like a misprint).
 */
export function outcomeRule(outcome: Outcome): string | null {
  return outcome.reason === 'lowestTotal' ? 'The lowest total wins.' : null;
}

/**
 * Why the match ended when it was not simply played out, in words (never the reason's id):
 * who resigned, or that it was abandoned or expired; null for a match played to its end.
 */
export function outcomeWhy(outcome: Outcome, name: (seat: Seat) => string): string | null {
  if (outcome.reason === 'abandoned') return 'Everyone left, so the match was abandoned.';
  if (outcome.reason === 'expired') return 'The match expired before it could be played.';
  if (outcome.reason === 'closed') return 'The host closed the table before it started.';
  const conceded = outcome.conceded ?? [];
  if (conceded.length === 0) return null;
  return `${joinNames(conceded.map(name))} resigned.`;
}

const joinNames = (names: string[]) =>
  names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
