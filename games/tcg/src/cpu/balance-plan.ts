import type { Seat } from '@cardtable/engine';
import type { Content } from '../content/content.ts';
import type { ScriptFailure } from '../engine/events.ts';
import { CPU_PROFILES } from './search.ts';

/** A simulated player that plays uniformly random legal moves: the baseline a CPU must beat. */
export const RANDOM_PLAYER = 'random';

/** What to simulate: every pair of decks plays `gamesPerPairing` CPU-only matches. */
export interface BalancePlan {
  ruleset: string;
  /** Two or more deck ids of the ruleset. */
  decks: string[];
  /** The CPU profile (or `random`) playing each deck, in the order of `decks`. */
  profiles: string[];
  /** Matches per pair of decks; the decks swap seats every other match. */
  gamesPerPairing: number;
  /** Every match's seed derives from it and the match's index. */
  seed: string;
  /** A match still running after this many actions counts as an engine error. */
  maxActions?: number;
}

/** One match of a plan: which deck and profile sits at each seat, and its seed. */
export interface ScheduledMatch {
  index: number;
  decks: [string, string];
  profiles: [string, string];
}

/**
 * What one match showed, as plain data (it crosses worker threads): the report is computed
 * from these alone, in `index` order, so it does not depend on where the matches were played.
 */
export interface MatchRecord {
  index: number;
  /** The deck at each seat. */
  decks: [string, string];
  /** Null when the match failed (see `error`). */
  outcome: {
    winners: Seat[];
    tie: boolean;
    reason: string;
    /** The deciding win rule's own words (its `text`), when it has them. */
    text?: string;
  } | null;
  /** The seat that took the first turn. */
  firstSeat: Seat | null;
  turns: number;
  actions: number;
  /** The distinct cards each seat played, sorted. */
  played: [string[], string[]];
  /** Lua abilities that failed (`scriptFailed`), in the order they failed. */
  scriptFailures: ScriptFailure[];
  /** An engine error: a CPU move the engine refused, an exception, or a match that never ended. */
  error: string | null;
}

/** Why a plan cannot run on this content, or null when it can. */
export function balancePlanProblem(content: Content, plan: BalancePlan): string | null {
  const known = content.decks.map((deck) => deck.id);
  if (plan.decks.length < 2)
    return `Name two or more decks; ${content.ruleset.id} has ${known.join(', ')}. To play one deck against itself, compare CPU levels: --levels hard,easy.`;
  const unknown = plan.decks.find((id) => !known.includes(id));
  if (unknown !== undefined)
    return `No deck "${unknown}" in ${content.ruleset.id}; its decks: ${known.join(', ')}.`;
  if (new Set(plan.decks).size !== plan.decks.length) return 'Each deck can be named only once.';
  if (plan.profiles.length !== plan.decks.length)
    return `Give one CPU profile per deck (${plan.decks.length}), not ${plan.profiles.length}.`;
  const profile = plan.profiles.find((p) => !(p in CPU_PROFILES) && p !== RANDOM_PLAYER);
  if (profile !== undefined)
    return `No CPU profile "${profile}"; the profiles are ${Object.keys(CPU_PROFILES).join(', ')} (and ${RANDOM_PLAYER}).`;
  if (!Number.isInteger(plan.gamesPerPairing) || plan.gamesPerPairing < 1)
    return 'Play at least one match per pair of decks.';
  return null;
}

/** Every match of a plan, pair by pair in deck order (A-B, A-C, B-C), numbered from 0. */
export function scheduleMatches(plan: BalancePlan): ScheduledMatch[] {
  const matches: ScheduledMatch[] = [];
  plan.decks.forEach((first, i) =>
    plan.decks.slice(i + 1).forEach((second, k) => {
      const j = i + 1 + k;
      for (let g = 0; g < plan.gamesPerPairing; g++) {
        const swap = g % 2 === 1;
        matches.push({
          index: matches.length,
          decks: swap ? [second, first] : [first, second],
          profiles: swap
            ? [plan.profiles[j]!, plan.profiles[i]!]
            : [plan.profiles[i]!, plan.profiles[j]!],
        });
      }
    }),
  );
  return matches;
}
