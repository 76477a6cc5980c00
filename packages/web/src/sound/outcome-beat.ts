import type { Outcome, Seat } from '@cardtable/engine';
import type { Beat } from './beats.ts';

/**
 * The sound of a game's end for one viewer: a win for a winner, a loss for a seated loser;
 * a spectator or a replay (no seat) and a shared win hear the winner's sound.
 */
export function outcomeBeat(outcome: Outcome, me: Seat | null): Beat {
  if (me === null) return 'win';
  return outcome.winners.includes(me) ? 'win' : 'lose';
}
