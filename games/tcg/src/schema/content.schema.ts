import {
  closed,
  headed,
  int,
  list,
  oneOfStrings,
  record,
  ref,
  tagged,
  text,
  type JsonSchema,
} from './helpers.ts';

/**
 * Definitions shared by rulesets and card sets: selectors, values, conditions, effects and
 * abilities. Selector strings are parsed (and their errors reported) by the content checks.
 */
const PLAYER_REFS = ['$controller', '$opponent', '$active', '$event.player'] as const;
const CHOOSERS = ['$controller', '$opponent'] as const;
const STATS = ['attack', 'health', 'maxHealth', 'cost', 'damage'] as const;
const OPS = ['<', '<=', '=', '!=', '>=', '>'] as const;
const SIDES = ['friendly', 'enemy'] as const;
const DURATIONS = ['permanent', 'endOfTurn', 'untilYourNextTurn'] as const;
export const TRIGGER_EVENTS = [
  'played',
  'summoned',
  'cast',
  'attacks',
  'attacked',
  'damaged',
  'healed',
  'died',
  'drawn',
  'discarded',
  'turnStart',
  'turnEnd',
] as const;

export const EFFECT_KINDS = [
  'damage',
  'heal',
  'draw',
  'discard',
  'summon',
  'destroy',
  'move',
  'shuffle',
  'modify',
  'grant',
  'resource',
  'steal',
  'counter',
  'reveal',
  'choose',
  'may',
  'if',
  'chooseTargets',
  'repeat',
  'forEach',
  'lua',
  'flip',
  'attackDamage',
  'condition',
  'discardEnergy',
  'devolve',
  'switch',
] as const;

const effectName = (kind: string) => `Effect_${kind}`;
const effect = (kind: string, properties: Record<string, JsonSchema>, optional: string[] = []) =>
  closed({ do: { const: kind }, ...properties }, [
    'do',
    ...Object.keys(properties).filter((key) => !optional.includes(key)),
  ]);
const effects = list(ref('Effect'));
const nonEmptyEffects = list(ref('Effect'), 1);

const selector = text('a selector such as "unit & enemy"');
const playerRef = oneOfStrings(...PLAYER_REFS);
const chooser = oneOfStrings(...CHOOSERS);
const value = ref('Value');
const amount = ref('Amount');
const target = ref('Target');
const identifier = {
  type: 'string',
  pattern: '^[a-z][a-zA-Z0-9_-]*$',
  description: 'an identifier (a-z, digits, _ or -)',
};

const values = list(value, 1);
const valueHeads: Record<string, JsonSchema> = {
  count: closed({ count: selector }),
  stat: closed({
    stat: {
      type: 'array',
      prefixItems: [selector, oneOfStrings(...STATS)],
      minItems: 2,
      maxItems: 2,
      items: false,
    },
  }),
  life: closed({ life: playerRef }),
  resource: closed({ resource: playerRef }),
  handSize: closed({ handSize: playerRef }),
  deckSize: closed({ deckSize: playerRef }),
  event: closed({ event: { const: 'amount' } }),
  turnNumber: closed({ turnNumber: { const: true } }),
  heads: closed({ heads: { const: true } }),
  zoneSize: closed({
    zoneSize: {
      type: 'array',
      prefixItems: [playerRef, identifier],
      minItems: 2,
      maxItems: 2,
      items: false,
    },
  }),
  energy: closed({
    energy: {
      type: 'array',
      prefixItems: [selector, { type: ['string', 'null'], description: 'an energy type or null' }],
      minItems: 2,
      maxItems: 2,
      items: false,
    },
  }),
  add: closed({ add: values }),
  sub: closed({ sub: { type: 'array', items: value, minItems: 2, maxItems: 2 } }),
  mul: closed({ mul: values }),
  div: closed({ div: { type: 'array', items: value, minItems: 2, maxItems: 2 } }),
  min: closed({ min: values }),
  max: closed({ max: values }),
};

const conditions = list(ref('Condition'), 1);
const conditionHeads: Record<string, JsonSchema> = {
  all: closed({ all: conditions }),
  any: closed({ any: conditions }),
  not: closed({ not: ref('Condition') }),
  exists: closed({ exists: selector }),
  count: closed({ count: selector, op: oneOfStrings(...OPS), value }),
  cmp: closed({
    cmp: {
      type: 'array',
      prefixItems: [value, oneOfStrings(...OPS), value],
      minItems: 3,
      maxItems: 3,
      items: false,
    },
  }),
  turn: closed({ turn: oneOfStrings(...SIDES) }),
  history: closed({
    history: oneOfStrings('cardsPlayedThisTurn', 'spellsCastThisTurn', 'unitsDiedThisTurn'),
    whose: oneOfStrings(...SIDES),
    op: oneOfStrings(...OPS),
    value,
  }),
};

const pick = closed(
  {
    pick: {
      type: 'string',
      pattern: `^(chosen|random|first|(highest|lowest):(${STATS.join('|')}))$`,
      description: 'chosen, random, first, highest:<stat> or lowest:<stat>',
    },
    from: selector,
    count: int(1),
    chooser,
  },
  ['pick', 'from', 'count'],
);

const duration = oneOfStrings(...DURATIONS);
const luaRef = closed({ module: identifier, entry: identifier });

const effectShapes: Record<string, JsonSchema> = {
  damage: effect('damage', { to: target, amount }),
  heal: effect('heal', { to: target, amount }),
  draw: effect('draw', { player: playerRef, count: amount }),
  discard: effect('discard', {
    player: playerRef,
    count: amount,
    pick: oneOfStrings('chosen', 'random'),
  }),
  summon: effect('summon', { card: text('a card id or #token'), count: amount, for: playerRef }),
  destroy: effect('destroy', { target }),
  move: effect(
    'move',
    { cards: target, to: identifier, position: oneOfStrings('top', 'bottom', 'random') },
    ['position'],
  ),
  shuffle: effect('shuffle', { player: playerRef, zone: identifier }),
  modify: effect('modify', {
    target,
    stat: oneOfStrings('attack', 'health'),
    op: oneOfStrings('add', 'set'),
    value,
    duration,
  }),
  grant: effect('grant', { target, keywords: list(identifier, 1), duration }),
  resource: effect('resource', {
    player: playerRef,
    op: oneOfStrings('gain', 'gainMax', 'spend'),
    amount,
  }),
  steal: effect('steal', { from: playerRef, amount }),
  counter: effect('counter', { item: target }),
  reveal: effect('reveal', { cards: target, to: oneOfStrings('all', '$opponent', '$controller') }),
  choose: effect(
    'choose',
    { chooser, options: list(closed({ label: text(), effects: nonEmptyEffects }), 2) },
    ['chooser'],
  ),
  may: effect('may', { chooser, prompt: text(), effects: nonEmptyEffects }, ['chooser']),
  if: effect('if', { cond: ref('Condition'), then: effects, else: effects }, ['else']),
  chooseTargets: effect(
    'chooseTargets',
    { id: identifier, from: selector, count: int(1), chooser },
    ['count', 'chooser'],
  ),
  repeat: effect('repeat', { times: amount, effects: nonEmptyEffects }),
  forEach: effect('forEach', { in: selector, as: identifier, effects: nonEmptyEffects }),
  lua: effect('lua', { module: identifier, entry: identifier }),
  flip: effect(
    'flip',
    { coins: amount, untilTails: { type: 'boolean' }, heads: effects, tails: effects },
    ['coins', 'untilTails', 'heads', 'tails'],
  ),
  attackDamage: effect('attackDamage', { amount }),
  condition: effect('condition', { target, add: identifier, remove: identifier }, [
    'add',
    'remove',
  ]),
  discardEnergy: effect('discardEnergy', { from: target, count: amount, energyType: identifier }, [
    'energyType',
  ]),
  devolve: effect('devolve', { target }),
  switch: effect('switch', { player: playerRef, chooser }, ['chooser']),
};

const targetSpec = closed({ id: identifier, choose: selector, count: int(1) }, ['id', 'choose']);
const scripted = {
  targets: list(targetSpec),
  effects: nonEmptyEffects,
  lua: luaRef,
  text: text('rules text, required for Lua abilities'),
};
const eitherEffectsOrLua = {
  oneOf: [{ required: ['effects'] }, { required: ['lua'] }],
  description: 'an ability with exactly one of: effects, lua',
};

const abilityShapes: Record<string, JsonSchema> = {
  Ability_triggered: closed(
    {
      id: identifier,
      kind: { const: 'triggered' },
      trigger: closed(
        {
          on: oneOfStrings(...TRIGGER_EVENTS),
          subject: selector,
          whose: oneOfStrings('controller', 'opponent', 'any'),
        },
        ['on'],
      ),
      activeIn: list(identifier, 1),
      condition: ref('Condition'),
      limit: closed({ perTurn: int(1) }),
      optional: { type: 'boolean' },
      ...scripted,
    },
    ['id', 'kind', 'trigger'],
    eitherEffectsOrLua,
  ),
  Ability_spell: closed(
    { id: identifier, kind: { const: 'spell' }, ...scripted },
    ['id', 'kind'],
    eitherEffectsOrLua,
  ),
  Ability_activated: closed(
    {
      id: identifier,
      kind: { const: 'activated' },
      cost: int(0, 99),
      exhaust: { type: 'boolean' },
      limit: closed({ perTurn: int(1, 10) }),
      condition: ref('Condition'),
      ...scripted,
    },
    ['id', 'kind'],
    eitherEffectsOrLua,
  ),
  Ability_static: closed(
    {
      id: identifier,
      kind: { const: 'static' },
      affects: selector,
      condition: ref('Condition'),
      modify: list(
        closed({
          stat: oneOfStrings('attack', 'health'),
          op: oneOfStrings('add', 'set'),
          value: int(-99, 99),
        }),
        1,
      ),
      grant: list(identifier, 1),
    },
    ['id', 'kind', 'affects'],
    {
      anyOf: [{ required: ['modify'] }, { required: ['grant'] }],
      description: 'a static ability with modify or grant',
    },
  ),
};

export const ART_PALETTES = [
  'ember',
  'tide',
  'grove',
  'stone',
  'void',
  'gold',
  'frost',
  'blood',
] as const;
const art = closed(
  { palette: oneOfStrings(...ART_PALETTES), glyph: identifier, accent: identifier },
  ['palette'],
);
const stats = closed({ attack: int(0, 99), health: int(1, 999) });

/** The definitions both the ruleset and the card-set schemas embed. */
export const sharedDefinitions: Record<string, JsonSchema> = {
  Value: {
    type: ['integer', 'object'],
    if: { type: 'object' },
    then: headed(valueHeads),
    else: int(-999, 999),
    description: 'an integer or a value expression',
  },
  Amount: {
    type: ['integer', 'object'],
    if: { type: 'object' },
    then: headed(valueHeads),
    else: int(0),
    description: 'an integer >= 0 or a value expression',
  },
  Condition: headed(conditionHeads),
  Target: {
    type: ['string', 'object'],
    if: { type: 'object' },
    then: pick,
    else: selector,
    description: 'a selector or a pick',
  },
  Effect: tagged('do', EFFECT_KINDS.map(effectName)),
  ...Object.fromEntries(
    Object.entries(effectShapes).map(([kind, shape]) => [effectName(kind), shape]),
  ),
  Ability: tagged('kind', Object.keys(abilityShapes)),
  ...abilityShapes,
  Art: art,
  Stats: stats,
  Identifier: identifier,
  Selector: selector,
};

export const cardProperties = {
  name: text(),
  type: identifier,
  stats: ref('Stats'),
  keywords: list(identifier),
  tags: list(identifier),
  abilities: list(ref('Ability')),
  art: ref('Art'),
};

/** Monster-battler card fields (rulesets with `battler`). */
export const battlerCardProperties = {
  element: identifier,
  stage: int(0, 2),
  evolvesFrom: text('the name of the card this evolves from'),
  attacks: list(
    closed(
      {
        id: identifier,
        name: text(),
        cost: list(identifier),
        damage: ref('Amount'),
        effects: list(ref('Effect')),
        text: text(
          'what the attack does, when its effects call Lua (the rest of the line is generated)',
        ),
      },
      ['id', 'name', 'cost'],
    ),
  ),
  retreat: int(0, 9),
  weakness: identifier,
  resistance: identifier,
  prizeValue: int(1, 6),
};

export { record };
