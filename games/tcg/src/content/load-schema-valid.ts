import { stateHash } from '@cardtable/engine';
import type { CardDef, CardSet, DeckFile, DeckList, Ruleset } from './ast.ts';
import { checkCards, namerFor } from './check-cards.ts';
import { checkRuleset } from './check-ruleset.ts';
import { tokenId, type CardDefinition, type Content } from './content.ts';
import { deckCardRefusal, expandDeck, validateDeck } from './deck.ts';
import { cardText } from './rules-text.ts';
import type { ContentProblem } from '../schema/validate.ts';

export type ContentDocument = 'ruleset' | 'cards' | 'decks' | 'scripts';

export interface LoadProblem extends ContentProblem {
  document: ContentDocument;
  /** Which check found it: the JSON Schema, the references between documents, or a deck. */
  stage: 'schema' | 'reference' | 'deck';
}

export interface ContentSource {
  ruleset: unknown;
  cards: unknown;
  decks?: unknown;
  /** Lua module sources by module name. */
  scripts?: Readonly<Record<string, string>>;
}

declare const schemaValid: unique symbol;

/**
 * A source whose documents passed their JSON Schemas (`checkContentSchemas` in load.ts): what
 * is left to check is how they refer to each other. Apart from load.ts so that a page which
 * folds checked content (a replay) never runs the schema validator, which compiles code.
 */
export type SchemaValidSource = ContentSource & { readonly [schemaValid]: true };

/** For a source `checkContentSchemas` passed in another thread (its verdict came as a message). */
export const checkedElsewhere = (source: ContentSource) => source as SchemaValidSource;

/** `warnings`: what loads but is almost certainly a mistake (`ContentProblem.warning`). */
export type LoadResult =
  { ok: true; content: Content; warnings: LoadProblem[] } | { ok: false; problems: LoadProblem[] };

/**
 * Checks the references of documents that passed their schemas and builds the content the
 * engine plays. Nothing partially valid is ever returned.
 */
export function loadSchemaValid(source: SchemaValidSource): LoadResult {
  const scripts = source.scripts ?? {};
  const ruleset = source.ruleset as Ruleset;
  const set = source.cards as CardSet;
  const semantic = [
    ...tagged(
      'ruleset',
      checkRuleset(ruleset, new Map(set.cards.map((card) => [card.id, card])), scripts),
    ),
    ...tagged('cards', checkCards(set, ruleset, scripts)),
    ...deckReferences(source.decks, set.cards, ruleset.id, () => true),
  ];
  const warnings = semantic.filter((p) => p.warning);
  if (warnings.length < semantic.length)
    return { ok: false, problems: semantic.filter((p) => !p.warning) };

  const byId = new Map(set.cards.map((card) => [card.id, card]));
  const cards = new Map<string, CardDefinition>();
  for (const card of set.cards) {
    const namer = namerFor(card, byId);
    cards.set(card.id, { ...card, token: false, text: cardText(card, ruleset, namer) });
    for (const [name, token] of Object.entries(card.tokens ?? {}))
      cards.set(tokenId(card.id, name), {
        id: tokenId(card.id, name),
        cost: 0,
        ...token,
        token: true,
        text: cardText(token, ruleset, namer),
      });
  }
  const decks = (source.decks as DeckFile | undefined)?.decks ?? [];
  const content: Content = {
    ruleset,
    cards,
    scripts,
    decks,
    hash: stateHash({ ruleset, set, scripts }),
  };

  const deckProblems: LoadProblem[] = [];
  decks.forEach((deck, i) => {
    for (const message of validateDeck(content, expandDeck(deck)))
      deckProblems.push({ document: 'decks', stage: 'deck', path: `decks[${i}]`, message });
  });
  if (deckProblems.length) return { ok: false, problems: deckProblems };
  return { ok: true, content, warnings };
}

const tagged = (
  document: ContentDocument,
  problems: ContentProblem[],
  stage: LoadProblem['stage'] = 'reference',
): LoadProblem[] => problems.map((problem) => ({ document, stage, ...problem }));

/**
 * The references of a deck file, the same in both validation rounds: its `ruleset` must be the
 * ruleset's id (when known), and each entry must name a card a deck may hold (`deckCardRefusal`,
 * the rule a player's list is checked by too) among `cards` (entries with an id; their tokens
 * are known by id, so an entry naming one is told it is a token). Decks `checked` says no to
 * are left out (they failed their schema).
 */
export function deckReferences(
  decks: unknown,
  cards: readonly Partial<CardDef>[],
  rulesetId: string | null,
  checked: (index: number) => boolean,
): LoadProblem[] {
  const known = new Map<string, { name: string; token: boolean }>();
  for (const card of cards) {
    if (typeof card.id !== 'string') continue;
    known.set(card.id, { name: String(card.name), token: false });
    const tokens = card.tokens && typeof card.tokens === 'object' ? card.tokens : {};
    for (const [name, token] of Object.entries(tokens)) {
      const tokenName = (token as Partial<CardDef> | null)?.name;
      known.set(tokenId(card.id, name), {
        name: typeof tokenName === 'string' ? tokenName : name,
        token: true,
      });
    }
  }
  const problems: LoadProblem[] = [];
  const add = (path: string, message: string) =>
    problems.push({ document: 'decks', stage: 'reference', path, message });
  const declared = (decks as Partial<DeckFile> | null)?.ruleset;
  if (rulesetId !== null && typeof declared === 'string' && declared !== rulesetId)
    add('ruleset', `is "${declared}" but the ruleset is "${rulesetId}"`);
  listAt(decks, 'decks').forEach((deck, i) => {
    if (!checked(i)) return;
    (deck as DeckList).cards.forEach(({ card }, j) => {
      const at = `decks[${i}].cards[${j}].card`;
      const found = known.get(card);
      const refusal = deckCardRefusal(found);
      if (refusal === 'unknown') add(at, `names an unknown card "${card}"`);
      else if (refusal === 'token')
        add(
          at,
          `names the token "${card}" (${found!.name}): a token cannot be put in a deck (effects make tokens)`,
        );
    });
  });
  return problems;
}

export const reference = (document: ContentDocument, problem: ContentProblem): LoadProblem => ({
  document,
  stage: 'reference',
  ...problem,
});

/** `document[key]` when it is a list, else none. */
export const listAt = (document: unknown, key: string): unknown[] => {
  const list = (document as Record<string, unknown> | null)?.[key];
  return Array.isArray(list) ? list : [];
};

export const describeLoadProblem = (p: LoadProblem) =>
  `${p.document}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
