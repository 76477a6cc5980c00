import type { Outcome } from '@cardtable/engine';
import type { GolfState } from './types.ts';

/**
 * The lowest total wins. Every seat tied for the lowest total is a winner and `tie` is set:
 * a tie is never settled by seat order. Tied seats share a place (1, 1, 3).
 */
export function outcomeFromTotals(totals: readonly number[]): Outcome {
  const lowest = Math.min(...totals);
  const winners = totals.flatMap((total, seat) => (total === lowest ? [seat] : []));
  const standings = totals
    .map((score, seat) => ({
      seat,
      score,
      place: 1 + totals.filter((other) => other < score).length,
    }))
    .sort((a, b) => a.place - b.place || a.seat - b.seat);
  return { winners, tie: winners.length > 1, standings, reason: 'lowestTotal' };
}

export function outcome(state: GolfState): Outcome | null {
  return state.phase.kind === 'gameOver' ? state.phase.outcome : null;
}
