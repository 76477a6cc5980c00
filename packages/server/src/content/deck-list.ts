import type { Content } from '@cardtable/tcg';

export type ParsedDeck = { ok: true; cards: string[] } | { ok: false; problems: string[] };

const LINE = /^(\d{1,3})\s*x?\s+(.+)$/i;
const MAX_LINES = 500;

/**
 * A pasted deck list: one entry a line, `2 Pearl Diver`, `2x reef/pearl-diver` (a count, then a
 * card name or id; names match without regard to case). Blank lines and lines starting with `#`
 * or `//` are ignored. Every bad line is reported with its number.
 */
export function parseDeckList(content: Content, text: string): ParsedDeck {
  const byName = new Map<string, string>();
  for (const card of content.cards.values())
    if (!card.token) byName.set(card.name.toLowerCase(), card.id);
  const problems: string[] = [];
  const cards: string[] = [];
  const lines = text.split(/\r?\n/);
  if (lines.length > MAX_LINES)
    return { ok: false, problems: [`A deck list has at most ${MAX_LINES} lines.`] };
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('//')) return;
    const match = LINE.exec(line);
    if (!match) {
      problems.push(
        `Line ${index + 1}: "${line}" is not "COUNT CARD" (e.g. "2 ${firstName(content)}").`,
      );
      return;
    }
    const count = Number(match[1]);
    const wanted = match[2]!.trim();
    const id = content.cards.has(wanted) ? wanted : byName.get(wanted.toLowerCase());
    if (!id) {
      problems.push(`Line ${index + 1}: no card named "${wanted}" in ${content.ruleset.name}.`);
      return;
    }
    for (let i = 0; i < count; i++) cards.push(id);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cards };
}

const firstName = (content: Content) =>
  [...content.cards.values()].find((card) => !card.token)?.name ?? 'Card Name';
