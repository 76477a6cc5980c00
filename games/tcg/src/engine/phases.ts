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
