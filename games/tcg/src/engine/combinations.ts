/** Most answers listed for one decision or play (any legal answer is still accepted). */
export const MAX_COMBINATIONS = 64;

/** Subsets of `items` with min..max members, smallest first, in canonical order; capped. */
export function combinations(items: readonly string[], min: number, max: number): string[][] {
  const out: string[][] = [];
  const pick = (start: number, size: number, chosen: string[]) => {
    if (out.length >= MAX_COMBINATIONS) return;
    if (chosen.length === size) {
      out.push([...chosen]);
      return;
    }
    for (let i = start; i < items.length; i++) {
      chosen.push(items[i]!);
      pick(i + 1, size, chosen);
      chosen.pop();
    }
  };
  for (let size = min; size <= Math.min(max, items.length); size++) pick(0, size, []);
  return out;
}

/**
 * Every way to bind the targets an action chooses (each binding exactly its count among its
 * candidates), in canonical order, capped at MAX_COMBINATIONS.
 */
export function targetCombinations(
  choices: readonly { id: string; count: number; candidates: readonly string[] }[],
): Record<string, string[]>[] {
  let bindings: Record<string, string[]>[] = [{}];
  for (const choice of choices) {
    const options = combinations(choice.candidates, choice.count, choice.count);
    bindings = bindings
      .flatMap((b) => options.map((picks) => ({ ...b, [choice.id]: picks })))
      .slice(0, MAX_COMBINATIONS);
  }
  return bindings;
}
