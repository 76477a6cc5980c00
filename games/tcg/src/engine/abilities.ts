import type { Ability } from '../content/ast.ts';
import { cardOf, type Content } from '../content/content.ts';
import type { AbilityRef } from './state.ts';

export interface AbilityEntry {
  ref: AbilityRef;
  ability: Ability;
  /** Position among the card's abilities: the last tie-breaker of trigger order. */
  index: number;
}

/** A card's own abilities, then those of the custom keywords it has (`keywords`). */
export function abilityEntries(
  content: Content,
  defId: string,
  keywords: Iterable<string>,
): AbilityEntry[] {
  const def = cardOf(content, defId);
  const entries: AbilityEntry[] = (def.abilities ?? []).map((ability, index) => ({
    ref: { card: defId, ability: ability.id },
    ability,
    index,
  }));
  for (const keyword of keywords)
    for (const ability of content.ruleset.keywords[keyword]?.abilities ?? [])
      entries.push({ ref: { keyword, ability: ability.id }, ability, index: entries.length });
  return entries;
}

export function abilityByRef(content: Content, ref: AbilityRef): Ability {
  const list =
    'card' in ref
      ? cardOf(content, ref.card).abilities
      : content.ruleset.keywords[ref.keyword]?.abilities;
  const ability = list?.find((a) => a.id === ref.ability);
  if (!ability) throw new Error(`Unknown ability ${JSON.stringify(ref)}.`);
  return ability;
}
