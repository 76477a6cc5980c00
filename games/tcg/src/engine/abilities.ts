import type { Ability, Effect } from '../content/ast.ts';
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

/** Battler attacks run as ability frames under this id. */
export const attackAbilityId = (attack: string) => `attack:${attack}`;

/** An attack as the spell-like ability its frame runs: its effects, then its damage. */
function attackAbility(content: Content, card: string, id: string): Ability | null {
  const attack = cardOf(content, card).attacks?.find((a) => attackAbilityId(a.id) === id);
  if (!attack) return null;
  const effects: Effect[] = [...(attack.effects ?? [])];
  if (attack.damage !== undefined) effects.push({ do: 'attackDamage', amount: attack.damage });
  return { id, kind: 'spell', effects };
}

export function abilityByRef(content: Content, ref: AbilityRef): Ability {
  if ('card' in ref && ref.ability.startsWith('attack:')) {
    const attack = attackAbility(content, ref.card, ref.ability);
    if (attack) return attack;
  }
  const list =
    'card' in ref
      ? cardOf(content, ref.card).abilities
      : content.ruleset.keywords[ref.keyword]?.abilities;
  const ability = list?.find((a) => a.id === ref.ability);
  if (!ability) throw new Error(`Unknown ability ${JSON.stringify(ref)}.`);
  return ability;
}
