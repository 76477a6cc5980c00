import type { Outcome, Seat } from '@cardtable/engine';

export interface StandingRow {
  seat: Seat;
  name: string;
  place: number;
  /** "1st", or "T-1st" when the place is shared. */
  placeLabel: string;
  score: number | null;
  winner: boolean;
}

const SUFFIXES: Record<number, string> = { 1: 'st', 2: 'nd', 3: 'rd' };

const ordinal = (n: number) => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${SUFFIXES[n % 10] ?? 'th'}`;
};

/** The outcome as rows to show, best first; a shared place reads as a tie, never a pick. */
export function standingRows(outcome: Outcome, name: (seat: Seat) => string): StandingRow[] {
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
    };
  });
}

/** One line: "Maya wins with 12", "A tie for first: Maya and You (12)". */
export function outcomeHeadline(outcome: Outcome, name: (seat: Seat) => string): string {
  const winners = outcome.winners.map(name);
  const score = outcome.standings.find((s) => s.seat === outcome.winners[0])?.score;
  const withScore = score === undefined ? '' : ` (${score})`;
  if (outcome.tie || winners.length > 1) {
    return `A tie for first: ${joinNames(winners)}${withScore}`;
  }
  return `${winners[0] ?? 'Nobody'} won${withScore}`;
}

/**
 * Why the match ended when it was not simply played out, in words (never the reason's id):
 * who resigned, or that it was abandoned or expired; null for a match played to its end.
 */
export function outcomeWhy(outcome: Outcome, name: (seat: Seat) => string): string | null {
  if (outcome.reason === 'abandoned') return 'Everyone left, so the match was abandoned.';
  if (outcome.reason === 'expired') return 'The match expired before it could be played.';
  const conceded = outcome.conceded ?? [];
  if (conceded.length === 0) return null;
  return `${joinNames(conceded.map(name))} resigned.`;
}

const joinNames = (names: string[]) =>
  names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
