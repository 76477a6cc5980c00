import type { CardDef, CardSet, Ruleset } from './ast.ts';
import { checkCards } from './check-cards.ts';
import { checkRuleset } from './check-ruleset.ts';
import {
  deckReferences,
  listAt,
  loadSchemaValid,
  reference,
  type ContentDocument,
  type ContentSource,
  type LoadProblem,
  type LoadResult,
  type SchemaValidSource,
} from './load-schema-valid.ts';
import { checkSchema } from '../schema/validate.ts';

export {
  describeLoadProblem,
  type ContentDocument,
  type ContentSource,
  type LoadProblem,
  type LoadResult,
  type SchemaValidSource,
} from './load-schema-valid.ts';

/**
 * Validates a ruleset, its card set and decks (schema first, then references) and builds the
 * content the engine plays. Nothing partially valid is ever returned.
 */
export function loadContent(source: ContentSource): LoadResult {
  const checked = checkContentSchemas(source);
  return checked.ok ? loadSchemaValid(checked.source) : checked;
}

export type SchemaCheck =
  { ok: true; source: SchemaValidSource } | { ok: false; problems: LoadProblem[] };

/**
 * The schema stage of `loadContent`: each document against its JSON Schema; when one fails,
 * also the references of the parts that passed (one round shows a creator both).
 */
export function checkContentSchemas(source: ContentSource): SchemaCheck {
  const schemaProblems: LoadProblem[] = [
    ...schemaStage('ruleset', source.ruleset),
    ...schemaStage('cards', source.cards),
    ...(source.decks === undefined ? [] : schemaStage('decks', source.decks)),
  ];
  if (schemaProblems.length === 0) return { ok: true, source: source as SchemaValidSource };
  const beside = referencesBesideSchema(source, schemaProblems, source.scripts ?? {});
  return { ok: false, problems: [...schemaProblems, ...beside.filter((p) => !p.warning)] };
}

const schemaStage = (document: 'ruleset' | 'cards' | 'decks', value: unknown): LoadProblem[] =>
  checkSchema(document, value).map((problem) => ({ document, stage: 'schema', ...problem }));

/**
 * The reference problems of the parts that passed their schema while others did not, so a
 * creator sees them in the same round: with a valid ruleset, the cards that passed (an entry
 * that failed still counts as a card they may name by its id) and the ruleset's own references;
 * whatever the ruleset, deck entries naming a card no entry has. Nothing here reads a part
 * that failed its schema beyond an entry's id and the fields a reference looks up. Deck files
 * are checked by `deckReferences` here and once everything passed its schema: the same words
 * whichever round finds a problem.
 */
function referencesBesideSchema(
  source: ContentSource,
  schemaProblems: readonly LoadProblem[],
  scripts: Readonly<Record<string, string>>,
): LoadProblem[] {
  const failed = (document: ContentDocument, at: string) =>
    schemaProblems.some(
      (p) =>
        p.document === document &&
        (p.path === at || p.path.startsWith(`${at}.`) || p.path.startsWith(`${at}[`)),
    );
  // A list that failed as a whole (not a list, too long): its entries name nothing reliably.
  const listFailed = schemaProblems.some((p) => p.document === 'cards' && p.path === 'cards');
  const entries = listFailed ? [] : listAt(source.cards, 'cards');
  const identified = entries.filter(
    (card): card is CardDef => typeof (card as Partial<CardDef> | null)?.id === 'string',
  );
  const problems: LoadProblem[] = [];
  if (entries.length === 0) return problems;
  if (!schemaProblems.some((p) => p.document === 'ruleset')) {
    const ruleset = source.ruleset as Ruleset;
    const byId = new Map(identified.map((card) => [card.id, card]));
    problems.push(
      ...checkRuleset(ruleset, byId, scripts).map((p) => reference('ruleset', p)),
      ...checkCards(
        source.cards as CardSet,
        ruleset,
        scripts,
        (i) => !failed('cards', `cards[${i}]`),
      ).map((p) => reference('cards', p)),
    );
  }
  const rulesetId = (source.ruleset as Partial<Ruleset> | null)?.id;
  problems.push(
    ...deckReferences(
      source.decks,
      identified,
      typeof rulesetId === 'string' && !failed('decks', 'ruleset') ? rulesetId : null,
      (i) => !failed('decks', `decks[${i}]`),
    ),
  );
  return problems;
}
