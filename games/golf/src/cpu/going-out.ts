import { KNOCK_BONUS_POINTS, KNOCK_PENALTY_POINTS } from '../scoring.ts';
import { handEstimate } from './estimate.ts';
import type { Knowledge } from './knowledge.ts';
import type { Temperament } from './temperament.ts';

/**
 * The round score a finisher expects from a hand score: the knock bonus is certain, and under
 * the knock penalty a finisher not lower than every rival's current outlook expects the +10.
 */
export function asFinisher(handScore: number, knowledge: Knowledge): number {
  const { options } = knowledge;
  let projected = handScore + (options.knockBonus ? KNOCK_BONUS_POINTS : 0);
  if (options.knockPenalty && handScore >= bestRivalOutlook(knowledge)) {
    projected += KNOCK_PENALTY_POINTS;
  }
  return projected;
}

/** Whether to go out into this projected round score: never above the temperament's cap. */
export const mayGoOut = (projected: number, temper: Temperament): boolean =>
  projected <= temper.goOutCap;

function bestRivalOutlook(knowledge: Knowledge): number {
  const { hands, me, options } = knowledge;
  let best = Infinity;
  hands.forEach((hand, seat) => {
    if (seat !== me) best = Math.min(best, handEstimate(hand, options));
  });
  return best;
}
