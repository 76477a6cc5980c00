/** A card as both sides have it: an id and its fields (the draft's JSON, the version's cards). */
type AnyCard = { id: string; name?: string } & Record<string, unknown>;

export interface CardsDiff {
  added: { id: string; name: string }[];
  removed: { id: string; name: string }[];
  changed: { id: string; name: string; fields: string[] }[];
}

/** Fields that are derived or bookkeeping in a loaded card, not written by the creator. */
const DERIVED = new Set(['token', 'tokenOf']);

const same = (a: unknown, b: unknown) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
const sorted = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sorted)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value as object)
            .sort()
            .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
        )
      : value;

/**
 * What changed in the cards since the last version: cards added, removed, and changed (with
 * the fields that differ). Both sides are cards as the engine loads them (tokens left out).
 */
export function diffCards(previous: readonly AnyCard[], next: readonly AnyCard[]): CardsDiff {
  const before = new Map(previous.filter((c) => !c.token).map((c) => [c.id, c]));
  const after = new Map(next.filter((c) => !c.token).map((c) => [c.id, c]));
  const name = (c: AnyCard) => String(c.name ?? c.id);
  const changed: CardsDiff['changed'] = [];
  for (const [id, card] of after) {
    const old = before.get(id);
    if (!old) continue;
    const fields = [...new Set([...Object.keys(old), ...Object.keys(card)])]
      .filter((f) => !DERIVED.has(f))
      .filter((f) => !same(old[f] ?? null, card[f] ?? null))
      .sort();
    if (fields.length) changed.push({ id, name: name(card), fields });
  }
  return {
    added: [...after.values()]
      .filter((c) => !before.has(c.id))
      .map((c) => ({ id: c.id, name: name(c) })),
    removed: [...before.values()]
      .filter((c) => !after.has(c.id))
      .map((c) => ({ id: c.id, name: name(c) })),
    changed,
  };
}

/**
 * Why `name` cannot name a version (it is written into the ruleset's `version`, which the
 * format makes three whole numbers), or null when it can.
 */
export const versionNameProblem = (name: string): string | null =>
  /^\d+\.\d+\.\d+$/.test(name)
    ? null
    : `A version name is three whole numbers with dots, like 1.0.1${name.trim() ? ` ("${name}" is not)` : ''}.`;

/** The version after `version` (`1.0.0` → `1.0.1`); a version that is not x.y.z stays. */
export const nextVersion = (version: string): string => {
  const parts = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return parts ? `${parts[1]}.${parts[2]}.${Number(parts[3]) + 1}` : version;
};
