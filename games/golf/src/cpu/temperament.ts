import { handEstimate } from './estimate.ts';
import type { Knowledge } from './knowledge.ts';
import type { CpuProfile } from './profiles.ts';

/** What a profile's four numbers mean at this moment of the game. */
export interface Temperament {
  /** Effective aggression (River's moves with its standing). */
  aggression: number;
  /** Points a CPU will pay to turn one face-down card up (progress towards going out). */
  tempo: number;
  /** Never go out into a projected score above this. */
  goOutCap: number;
  /** Points a CPU will pay to go out (within its cap) and end the round on its own terms. */
  goOutDrive: number;
  /** Knock early only with a projected score at or below this. */
  knockCap: number;
  pairHope: number;
  unpredictability: number;
}

export function temperamentOf(profile: CpuProfile, knowledge: Knowledge): Temperament {
  const aggression = profile.adaptive
    ? adaptedAggression(profile.aggression, knowledge)
    : profile.aggression;
  return {
    aggression,
    tempo: profile.swapThreshold - 5 + 4 * aggression,
    goOutCap: 10 + 12 * aggression,
    goOutDrive: 10 * aggression,
    knockCap: 1 + 8 * aggression,
    pairHope: profile.pairHope,
    unpredictability: profile.unpredictability,
  };
}

/**
 * River presses when behind in the match or ahead in the round (to close it out), and sits
 * back when leading the match or behind in the round.
 */
function adaptedAggression(base: number, knowledge: Knowledge): number {
  const { me, totals, hands, options } = knowledge;
  const others = totals.filter((_, seat) => seat !== me);
  const matchDeficit = (totals[me] ?? 0) - Math.min(...others);
  const outlooks = hands.map((hand) => handEstimate(hand, options));
  const roundLead = Math.min(...outlooks.filter((_, seat) => seat !== me)) - (outlooks[me] ?? 0);
  return clamp(base + 0.015 * matchDeficit + 0.03 * roundLead, 0.15, 0.95);
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
