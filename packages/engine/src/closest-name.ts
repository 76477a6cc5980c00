/**
 * "Did you mean": the name a creator most likely meant when they typed one that does not exist
 * (a trigger, keyword, zone, card type, stat, field, a Lua ability's function). Errors that list
 * the valid names add it, so "dide" is answered with "died" rather than a list to read through.
 */

/** Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`, case ignored. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  // d[i][j]: edits from the first i letters of s to the first j of t.
  const d = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= s.length; i++)
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[s.length]![t.length]!;
}

/**
 * The known name closest to `typed`, when one is close enough to be a slip: at most a third of
 * its letters away (one edit for short names), the first in `known`'s order on a tie; null when
 * none is (a list of unrelated names helps more than a wild guess).
 */
export function closestName(typed: string, known: Iterable<string>): string | null {
  const allowed = Math.max(1, Math.floor(typed.length / 3));
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    if (name === typed) continue;
    const distance = editDistance(typed, name);
    if (distance <= allowed && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? null;
}

/** `: did you mean "died"?` after a message, or nothing when no known name is close. */
export function didYouMean(typed: string, known: Iterable<string>): string {
  const name = closestName(typed, known);
  return name === null ? '' : `: did you mean "${name}"?`;
}
