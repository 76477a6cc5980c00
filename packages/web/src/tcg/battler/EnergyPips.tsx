import { energyCounts, type EnergyPip } from './battler-view.ts';

/**
 * Typed energy as small coloured pips, one a type with its type written next to it and how many
 * when more than one ("fire ×2").
 */
export function EnergyPips({
  energy,
  label,
}: {
  energy: readonly string[] | EnergyPip[];
  label: string;
}) {
  const counts = energyCounts(energy.map((e) => (typeof e === 'string' ? e : e.element)));
  if (counts.length === 0) return null;
  const words = counts.map(({ type, count }) => (count > 1 ? `${count} ${type}` : type));
  return (
    // A plain span's label is not announced by every screen reader: as an image it is read whole.
    <span className="battler-pips" role="img" aria-label={`${label}: ${words.join(', ')}`}>
      {counts.map(({ type, count }) => (
        <span
          key={type}
          className="battler-pip"
          data-element={type}
          data-count={count}
          data-testid="battler-pip"
        >
          <span className="battler-pip-dot" aria-hidden="true" />
          <span className="battler-pip-label" aria-hidden="true">
            {type}
            {count > 1 ? ` ×${count}` : ''}
          </span>
        </span>
      ))}
    </span>
  );
}
