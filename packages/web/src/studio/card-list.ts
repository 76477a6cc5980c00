import { selfTriggeredSentence } from '@cardtable/tcg/ui';
import type { CardJson } from './draft-files.ts';

export type CardSort = 'name' | 'cost' | 'type';

export interface CardQuery {
  search: string;
  type: string;
  sort: CardSort;
}

/** The card list as shown: matching the search (name, id, text) and type, in the chosen order. */
export function visibleCards(cards: readonly CardJson[], query: CardQuery): CardJson[] {
  const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (card: CardJson) => {
    const haystack =
      `${card.name} ${card.id} ${card.text ?? ''} ${(card.keywords ?? []).join(' ')}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  };
  const order: Record<CardSort, (a: CardJson, b: CardJson) => number> = {
    name: (a, b) => a.name.localeCompare(b.name),
    cost: (a, b) => a.cost - b.cost || a.name.localeCompare(b.name),
    type: (a, b) => a.type.localeCompare(b.type) || a.cost - b.cost || a.name.localeCompare(b.name),
  };
  return cards
    .filter((card) => (query.type === '' || card.type === query.type) && matches(card))
    .sort(order[query.sort]);
}

/** A copy of a card under a free id and a name that says so. */
export function duplicateCard(card: CardJson, id: string): CardJson {
  return { ...structuredClone(card), id, name: `${card.name} (copy)` };
}

/**
 * The ability a new spell casts: the simplest effect of the data format (tcg/cards@1), one card
 * drawn, so a spell is valid and plays from the start, without Lua. The Abilities field edits it.
 */
export const STARTER_SPELL_ABILITY: Readonly<Record<string, unknown>> = {
  kind: 'spell',
  effects: [{ do: 'draw', player: '$controller', count: 1 }],
};

/** Whether an ability is the starter spell as the studio made it (under any id). */
const isStarterSpell = ({ id: _id, ...body }: Record<string, unknown>) =>
  JSON.stringify(body) === JSON.stringify(STARTER_SPELL_ABILITY);

/** The starter spell under an id the card's other abilities do not use. */
function starterSpellFor(card: CardJson): Record<string, unknown> {
  const ids = new Set((card.abilities ?? []).map((ability) => ability.id));
  let n = 1;
  while (ids.has(n === 1 ? 'cast' : `cast${n}`)) n++;
  return { id: n === 1 ? 'cast' : `cast${n}`, ...STARTER_SPELL_ABILITY };
}

/** The card without the starter spell ability, if it still has it untouched. */
export function withoutStarterSpell(card: CardJson): CardJson {
  const abilities = (card.abilities ?? []).filter((ability) => !isStarterSpell(ability));
  const { abilities: _a, ...rest } = card;
  return abilities.length ? { ...rest, abilities } : rest;
}

/**
 * The card as one of `type` (of kind `kind`), kept valid where the studio can: a unit has
 * stats (its own, else 1/1), nothing else has; a spell casts exactly one spell ability (the
 * starter when it has none); leaving spells drops the untouched starter and instant speed.
 */
export function withType(card: CardJson, type: string, kind: string | undefined): CardJson {
  const { stats, speed, ...rest } = card;
  const typed: CardJson = {
    ...rest,
    type,
    ...(kind === 'unit' ? { stats: stats ?? { attack: 1, health: 1 } } : {}),
    ...(speed && (kind === 'spell' || speed !== 'instant') ? { speed } : {}),
  };
  if (kind !== 'spell') return withoutStarterSpell(typed);
  if ((typed.abilities ?? []).some((ability) => ability.kind === 'spell')) return typed;
  return { ...typed, abilities: [starterSpellFor(typed), ...(typed.abilities ?? [])] };
}

/** A Lua ability the studio adds to a card, with the module and starter script it names. */
export interface StarterLuaAbility {
  module: string;
  ability: Record<string, unknown>;
  script: string;
}

/**
 * "Add a Lua ability": a module named after the card whose `run` deals 1 damage to the
 * opponent, and the ability that calls it. A spell resolves through its one ability of kind
 * `spell`, so a spell without one gets that (a triggered ability alone would leave it invalid);
 * any other card, or a spell that has its spell ability, gets a triggered ability.
 */
export function starterLuaAbility(card: CardJson, typeKind: string | undefined): StarterLuaAbility {
  const module = card.id.slice(card.id.indexOf('/') + 1).replace(/-/g, '_');
  const lua = { module, entry: 'run' };
  const id = `ability${(card.abilities?.length ?? 0) + 1}`;
  const spell = typeKind === 'spell';
  const castsIt = spell && !(card.abilities ?? []).some((ability) => ability.kind === 'spell');
  // Its rules text says what the starter script does: a card never shows words its ability does not do.
  const ability = castsIt
    ? { id, kind: 'spell', lua, text: 'Deal 1 damage to your opponent.' }
    : {
        id,
        kind: 'triggered',
        trigger: { on: spell ? 'played' : 'summoned' },
        lua,
        text: selfTriggeredSentence(
          spell ? 'played' : 'summoned',
          'deal 1 damage to your opponent.',
        ),
      };
  const script = `-- ${card.name}\nfunction run()\n  damage(state.enemy.hero, 1)\nend\n`;
  return { module, ability, script };
}
