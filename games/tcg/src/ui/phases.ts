import { nextMainPhase, phaseTitle } from '../engine/phases.ts';
import type { TcgView } from '../engine/view.ts';

// The names live beside nextMainPhase in the engine (its messages use them); the ui re-exports them.
export { phaseName, phaseTitle } from '../engine/phases.ts';

/** A turn's main phases as a table shows them, read from the ruleset's own phases. */
export interface PhaseTrack {
  /** The main phases in turn order, by name; `current` marks the one being played. */
  steps: { id: string; name: string; current: boolean }[];
  /** The name of the main phase "next phase" leads to from here, or null if none is left. */
  next: string | null;
}

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

/**
 * The words of the button that moves on to the next main phase: "Next: On the trail". The
 * phase is named as its ruleset writes it, after a colon, because a creator's name ("On the
 * trail", "Call to arms") cannot be set inside a sentence ("To on the trail").
 */
export const nextPhaseLabel = (track: PhaseTrack | null) =>
  track?.next ? `Next: ${track.next}` : 'Next phase';
