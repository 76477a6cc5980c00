import { cardSetSchema, deckFileSchema } from './cards.schema.ts';
import { rulesetSchema } from './ruleset.schema.ts';

/** The JSON Schemas published in games/tcg/schema/, by file name. */
export const publishedSchemas = {
  'ruleset.schema.json': rulesetSchema,
  'cards.schema.json': cardSetSchema,
  'decks.schema.json': deckFileSchema,
};
