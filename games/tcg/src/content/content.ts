import type { CardDef, DeckList, Ruleset } from './ast.ts';

/** A card as the engine uses it: a card of the set or a token, with its generated rules text. */
export interface CardDefinition extends CardDef {
  /** Tokens have ids `<card id>#<token name>` and exist only when an effect creates them. */
  token: boolean;
  text: string;
}

/** A ruleset with its card pool, scripts and shipped decks, checked and ready to play. */
export interface Content {
  ruleset: Ruleset;
  cards: ReadonlyMap<string, CardDefinition>;
  /** Lua module sources by module name. */
  scripts: Readonly<Record<string, string>>;
  decks: readonly DeckList[];
  /** A hash of everything above: a replay pins the exact content it was played with. */
  hash: string;
}

export const contentKey = (id: string, version: string) => `${id}@${version}`;

/** The id of the token `name` of the card `card`: `<card id>#<token name>`. */
export const tokenId = (card: string, name: string) => `${card}#${name}`;

export function cardOf(content: Content, id: string): CardDefinition {
  const card = content.cards.get(id);
  if (!card) throw new Error(`Unknown card "${id}" in ruleset ${content.ruleset.id}.`);
  return card;
}

export const cardTypeOf = (content: Content, card: CardDef) => {
  const type = content.ruleset.cardTypes[card.type];
  if (!type) throw new Error(`Unknown card type "${card.type}".`);
  return type;
};

export const isUnitCard = (content: Content, card: CardDef) =>
  cardTypeOf(content, card).kind === 'unit';

/** The keyword named `builtin` in this ruleset (e.g. "taunt" for guard), if it has one. */
export function keywordWithBuiltin(content: Content, builtin: string): string | null {
  return builtinKeywords(content).get(builtin) ?? null;
}

/**
 * Each built-in's keyword, the first in the ruleset's order, once per content: combat and
 * damage ask for several on every hit, and an `Object.entries` per question was 5% of what a
 * demo batch allocated.
 */
const builtinKeywords = oncePerContent((content) => {
  const names = new Map<string, string>();
  for (const [name, def] of Object.entries(content.ruleset.keywords))
    if (def.builtin !== undefined && !names.has(def.builtin)) names.set(def.builtin, name);
  return names;
});

/**
 * What a content fixes once and for all (its listeners, its statics, its views' shared facts):
 * `build` runs once per content, and every later call returns what it made.
 */
export function oncePerContent<T>(build: (content: Content) => T): (content: Content) => T {
  const made = new WeakMap<Content, { value: T }>();
  // The last content asked about and its value, without the `WeakMap` lookup: a game (a match,
  // a worker of the balance batch) asks about one content, from every trigger check and every
  // unit's health check. It holds that one content alive until another is asked about.
  let last: Content | null = null;
  let lastValue: T | undefined;
  return (content) => {
    if (content === last) return lastValue as T;
    let entry = made.get(content);
    if (!entry) made.set(content, (entry = { value: build(content) }));
    last = content;
    lastValue = entry.value;
    return entry.value;
  };
}
