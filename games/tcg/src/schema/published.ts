import { cardSetSchema, deckFileSchema } from './cards.schema.ts';
import { rulesetSchema } from './ruleset.schema.ts';

/**
 * The content schemas by kind of document: the one definition the validators are generated
 * from (scripts/validators-code.ts) and the published files are written from.
 */
export const SCHEMAS = { ruleset: rulesetSchema, cards: cardSetSchema, decks: deckFileSchema };

/** The JSON Schemas published in games/tcg/schema/, by file name. */
export const publishedSchemas = {
  'ruleset.schema.json': SCHEMAS.ruleset,
  'cards.schema.json': SCHEMAS.cards,
  'decks.schema.json': SCHEMAS.decks,
};
