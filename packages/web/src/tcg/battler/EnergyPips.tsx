import type { EnergyPip } from './battler-view.ts';

/** Typed energy as small coloured pips, each with its type written next to it. */
export function EnergyPips({
  energy,
  label,
}: {
  energy: readonly string[] | EnergyPip[];
  label: string;
}) {
  const types = energy.map((e) => (typeof e === 'string' ? e : e.element));
  if (types.length === 0) return null;
  return (
    <span className="battler-pips" aria-label={`${label}: ${types.join(', ')}`}>
      {types.map((type, i) => (
        <span key={i} className="battler-pip" data-element={type} data-testid="battler-pip">
          <span className="battler-pip-dot" aria-hidden="true" />
          <span className="battler-pip-label" aria-hidden="true">
            {type}
          </span>
        </span>
      ))}
    </span>
  );
}
