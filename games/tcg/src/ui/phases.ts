import { nextMainPhase } from '../engine/phases.ts';
import type { TcgView } from '../engine/view.ts';

/** A turn's main phases as a table shows them, read from the ruleset's own phases. */
export interface PhaseTrack {
  /** The main phases in turn order, by name; `current` marks the one being played. */
  steps: { id: string; name: string; current: boolean }[];
  /** The name of the main phase "next phase" leads to from here, or null if none is left. */
  next: string | null;
}

/**
 * A phase's name, from its identifier: words split at `-`, `_`, a capital or a number, the
 * first capitalised ("main2" and "main-2": "Main 2"; "preCombat": "Pre combat").
 */
export function phaseName(id: string): string {
  const words = id
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** What the table calls a phase: the ruleset's `name` for it, else one made from its id. */
export const phaseTitle = (phase: { id: string; name?: string }) =>
  phase.name ?? phaseName(phase.id);

/**
 * The track of a turn with more than one main phase (null with one: there is nowhere else to
 * go, and a single step would say nothing).
 */
export function phaseTrack(view: Pick<TcgView, 'phase' | 'phases'>): PhaseTrack | null {
  const mains = view.phases.flatMap((phase, index) =>
    phase.kind === 'main' ? [{ ...phase, index }] : [],
  );
  if (mains.length < 2) return null;
  const next = nextMainPhase(view.phases, view.phase.index);
  return {
    steps: mains.map((phase) => ({
      id: phase.id,
      name: phaseTitle(phase),
      current: phase.index === view.phase.index,
    })),
    next: next === null ? null : phaseTitle(view.phases[next]!),
  };
}
