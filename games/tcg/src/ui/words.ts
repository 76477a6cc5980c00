/**
 * The sentences a table asks with: one wording for a decision the rules ask (built with the
 * server's view) and a target chosen while playing a card (built in the browser).
 */

/** "Firebolt: choose a target to deal 3 damage to an enemy unit or hero". */
export function askSentence(source: string | null, ask: string, effect: string | null): string {
  const what = effect ? `${ask} to ${effect}` : ask;
  return source ? `${source}: ${what}` : `${what.charAt(0).toUpperCase()}${what.slice(1)}`;
}

/** A card's printed rules as a verb phrase: its first line, lower-cased, without the period. */
export function effectPhrase(text: string): string | null {
  const line = text.split('\n').at(-1)?.trim().replace(/\.$/, '') ?? '';
  return line ? `${line.charAt(0).toLowerCase()}${line.slice(1)}` : null;
}

/** "a target", "2 targets". */
export const targetsWord = (count: number) => (count === 1 ? 'a target' : `${count} targets`);
