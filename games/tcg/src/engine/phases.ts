import type { PhaseDef } from '../content/ast.ts';

/**
 * Where "next phase" leads from the phase at `index`: the turn's next main phase (the automatic
 * phases between run on their own), or null when no main phase is left this turn. The one
 * definition for the legal actions and for a table's button.
 */
export function nextMainPhase(
  phases: readonly Pick<PhaseDef, 'kind'>[],
  index: number,
): number | null {
  for (let next = index + 1; next < phases.length; next++)
    if (phases[next]!.kind === 'main') return next;
  return null;
}
