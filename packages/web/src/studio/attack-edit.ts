/** A battler creature's attack as the card format writes it (games/tcg/schema/cards.schema.json). */
export interface AttackJson {
  id: string;
  name: string;
  /** Energy types, one per energy needed; the ruleset's wildcard (colourless) takes any. */
  cost: string[];
  /** A number, or an amount expression (edited as JSON). */
  damage?: unknown;
  effects?: unknown[];
  /** What it does after "Name [cost]: ", written by hand exactly when its effects call Lua. */
  text?: string;
}

/** Whether an attack's effects call Lua anywhere (then its rules text is the creator's). */
export const callsLua = (attack: AttackJson): boolean =>
  JSON.stringify(attack.effects ?? []).includes('"do":"lua"');

/** The cost as a count per energy type: the ruleset's types, then the wildcard, then any others. */
export function costCounts(
  cost: readonly string[],
  types: readonly string[],
  wildcard: string,
): [string, number][] {
  const known = [...types, wildcard];
  const order = [...known, ...cost.filter((t, i) => !known.includes(t) && cost.indexOf(t) === i)];
  return order.map((type) => [type, cost.filter((t) => t === type).length]);
}

/** The cost with one type's count changed, kept in the order `costCounts` lists. */
export function withCount(
  cost: readonly string[],
  types: readonly string[],
  wildcard: string,
  type: string,
  count: number,
): string[] {
  return costCounts(cost, types, wildcard).flatMap(([t, n]) =>
    Array<string>(t === type ? Math.max(0, Math.min(9, count)) : n).fill(t),
  );
}

/** A new attack with an id no other attack of the card has. */
export function newAttack(attacks: readonly AttackJson[], wildcard: string): AttackJson {
  const taken = new Set(attacks.map((a) => a.id));
  let n = attacks.length + 1;
  while (taken.has(`attack${n}`)) n++;
  return { id: `attack${n}`, name: `Attack ${n}`, cost: [wildcard], damage: 10 };
}

/** The list with the attack at `from` moved by `by` places (clamped to the ends). */
export function moveAttack<T>(list: readonly T[], from: number, by: number): T[] {
  const to = Math.max(0, Math.min(list.length - 1, from + by));
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}
