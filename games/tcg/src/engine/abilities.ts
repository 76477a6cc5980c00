import type { Ability, Effect } from '../content/ast.ts';
import { oncePerContent, cardOf, type Content } from '../content/content.ts';
import { attackAbilityId, isAttackAbilityId } from '../content/keywords.ts';
import type { AbilityRef } from './state.ts';

export interface AbilityEntry {
  ref: AbilityRef;
  ability: Ability;
  /** Position among the card's abilities: the last tie-breaker of trigger order. */
  index: number;
}

/**
 * A card's own abilities, then those of the custom keywords it has (`keywords`). Not to be
 * changed: a card without keyword abilities gets its own entries, made once per content (every
 * trigger check asked for them, an array and two objects per ability each time).
 */
export function abilityEntries(
  content: Content,
  defId: string,
  keywords: Iterable<string>,
): readonly AbilityEntry[] {
  const own = ownEntries(content, defId);
  let entries: AbilityEntry[] | null = null;
  for (const keyword of keywords) {
    const abilities = content.ruleset.keywords[keyword]?.abilities;
    if (!abilities?.length) continue;
    entries ??= [...own];
    for (const ability of abilities)
      entries.push({ ref: { keyword, ability: ability.id }, ability, index: entries.length });
  }
  return entries ?? own;
}

const ownEntriesByCard = oncePerContent(() => new Map<string, readonly AbilityEntry[]>());

function ownEntries(content: Content, defId: string): readonly AbilityEntry[] {
  const known = ownEntriesByCard(content);
  let entries = known.get(defId);
  if (!entries) {
    entries = (cardOf(content, defId).abilities ?? []).map((ability, index) => ({
      ref: { card: defId, ability: ability.id },
      ability,
      index,
    }));
    known.set(defId, entries);
  }
  return entries;
}

/** An attack as the spell-like ability its frame runs: its effects, then its damage. */
function attackAbility(content: Content, card: string, id: string): Ability | null {
  const attack = cardOf(content, card).attacks?.find((a) => attackAbilityId(a.id) === id);
  if (!attack) return null;
  const effects: Effect[] = [...(attack.effects ?? [])];
  if (attack.damage !== undefined) effects.push({ do: 'attackDamage', amount: attack.damage });
  return { id, kind: 'spell', effects };
}

export function abilityByRef(content: Content, ref: AbilityRef): Ability {
  if ('card' in ref && isAttackAbilityId(ref.ability)) {
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
