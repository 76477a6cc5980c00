import { battlerCardProperties, cardProperties, sharedDefinitions } from './content.schema.ts';
import { closed, int, list, record, ref, type JsonSchema } from './helpers.ts';

const cardId = {
  type: 'string',
  pattern: '^[a-z][a-z0-9-]*/[a-z0-9][a-z0-9-]*$',
  description: 'a card id like "demo/fire-imp"',
};

/**
 * What a deck entry names: a card id, or a token's (`demo/goblin-warcaller#grunt`), which is
 * well formed, so the reference check can say why a deck may not hold it.
 */
const deckCardId = {
  ...cardId,
  pattern: '^[a-z][a-z0-9-]*/[a-z0-9][a-z0-9-]*(#[a-z][a-zA-Z0-9_-]*)?$',
};

const token = closed(
  {
    name: cardProperties.name,
    type: cardProperties.type,
    stats: cardProperties.stats,
    keywords: cardProperties.keywords,
    tags: cardProperties.tags,
    abilities: cardProperties.abilities,
    art: cardProperties.art,
  },
  ['name', 'type'],
);

const card = closed(
  {
    id: cardId,
    ...cardProperties,
    cost: int(0, 99),
    speed: { type: 'string', enum: ['normal', 'instant'] },
    // A list of tokens is the natural first guess; the message says the shape to write instead.
    tokens: {
      ...record(token),
      description:
        'an object of token definitions by name, e.g. {"wisp": {"name": "Wisp", "type": "unit"}}, summoned as "#wisp"',
    },
    text: { type: 'string' },
    ai: closed({ value: { type: 'number', minimum: 0, maximum: 10 } }, []),
    ...battlerCardProperties,
  },
  ['id', 'name', 'type', 'cost'],
);

/** The published JSON Schema of a card set (`tcg/cards@1`). */
export const cardSetSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://cardtable.dev/schema/tcg/cards@1.json',
  title: 'Cardtable TCG card set',
  ...closed({
    schema: { const: 'tcg/cards@1' },
    ruleset: ref('Identifier'),
    cards: list(ref('Card'), 1),
  }),
  $defs: { ...sharedDefinitions, Card: card, CardId: cardId },
};

/** The published JSON Schema of a deck file (`tcg/decks@1`). */
export const deckFileSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://cardtable.dev/schema/tcg/decks@1.json',
  title: 'Cardtable TCG decks',
  ...closed({
    schema: { const: 'tcg/decks@1' },
    ruleset: { type: 'string', minLength: 1 },
    decks: list(
      closed({
        // Bounded: every published version's deck ids and names are in the public game list.
        id: {
          type: 'string',
          maxLength: 64,
          pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$',
          description: 'a deck id like "A"',
        },
        name: { type: 'string', minLength: 1, maxLength: 80 },
        cards: list(closed({ card: deckCardId, count: int(1, 99) }), 1),
      }),
      1,
    ),
  }),
};
