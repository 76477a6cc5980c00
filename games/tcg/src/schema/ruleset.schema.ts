import { BUILTIN_KEYWORD_NAMES } from '../content/keywords.ts';
import { sharedDefinitions } from './content.schema.ts';
import {
  closed,
  int,
  list,
  oneOfStrings,
  record,
  ref,
  tagged,
  text,
  type JsonSchema,
} from './helpers.ts';

const identifier = ref('Identifier');
const version = {
  type: 'string',
  pattern: '^\\d+\\.\\d+\\.\\d+$',
  description: 'a version like 1.0.0',
};

const definitions: Record<string, JsonSchema> = {
  ...sharedDefinitions,
  Zone: closed(
    { id: identifier, visibility: oneOfStrings('public', 'owner', 'hidden'), limit: int(1, 100) },
    ['id', 'visibility'],
  ),
  CardType: tagged('kind', [
    'CardType_unit',
    'CardType_spell',
    'CardType_energy',
    'CardType_stadium',
    'CardType_tool',
  ]),
  CardType_unit: closed({ kind: { const: 'unit' }, name: text() }),
  CardType_spell: closed(
    {
      kind: { const: 'spell' },
      name: text(),
      thenTo: identifier,
      perTurn: int(1, 9),
      notOnFirstTurn: { type: 'boolean' },
    },
    ['kind', 'name', 'thenTo'],
  ),
  CardType_energy: closed({ kind: { const: 'energy' }, name: text() }),
  CardType_stadium: closed({ kind: { const: 'stadium' }, name: text() }),
  CardType_tool: closed({ kind: { const: 'tool' }, name: text() }),
  SpecialCondition: closed(
    {
      name: text(),
      reminder: text(),
      group: identifier,
      prevents: list(oneOfStrings('attack', 'retreat')),
      checkup: closed({ damage: int(0, 999), flipToRemove: { type: 'boolean' } }, []),
      wearsOff: oneOfStrings('controllerTurnEnd'),
      attackFlip: closed({ tailsDamage: int(0, 999) }),
    },
    ['name', 'reminder'],
  ),
  Battler: closed(
    {
      bench: int(0, 8),
      prizes: int(0, 12),
      prizeZone: identifier,
      stadiumZone: identifier,
      energyTypes: list(identifier, 1),
      wildcard: identifier,
      weakness: closed({ op: oneOfStrings('mul', 'add'), value: int(0, 999) }),
      resistance: closed({ value: int(0, 999) }),
      conditions: record(ref('SpecialCondition')),
      retreatsPerTurn: int(0, 9),
      evolution: closed({
        notOnFirstTurn: { type: 'boolean' },
        notTheTurnItEntered: { type: 'boolean' },
      }),
      firstTurn: closed({ noAttack: { type: 'boolean' } }),
      mulliganDraws: int(0, 9),
      damageCounter: int(1, 100),
    },
    [
      'bench',
      'prizes',
      'prizeZone',
      'energyTypes',
      'wildcard',
      'weakness',
      'resistance',
      'conditions',
      'retreatsPerTurn',
      'evolution',
      'firstTurn',
      'mulliganDraws',
      'damageCounter',
    ],
  ),
  Resources: tagged('model', ['Resources_pool', 'Resources_attached']),
  Resources_pool: closed(
    {
      model: { const: 'pool' },
      id: identifier,
      name: text(),
      start: int(0, 99),
      growPerTurn: int(0, 99),
      cap: int(0, 99),
      carryOver: int(0, 99),
    },
    ['model', 'id', 'name', 'start', 'growPerTurn', 'cap'],
  ),
  Resources_attached: closed({
    model: { const: 'attached' },
    id: identifier,
    name: text(),
    perTurn: int(1, 9),
  }),
  Phase: tagged('kind', ['Phase_auto', 'Phase_main']),
  Phase_auto: closed(
    {
      id: identifier,
      kind: { const: 'auto' },
      steps: list(
        oneOfStrings(
          'readyUnits',
          'growResources',
          'refillResources',
          'draw',
          'expireEndOfTurn',
          'checkup',
        ),
      ),
      raises: oneOfStrings('turnStart', 'turnEnd'),
      name: text(),
    },
    ['id', 'kind', 'steps'],
  ),
  Phase_main: closed(
    {
      id: identifier,
      kind: { const: 'main' },
      actions: list(
        oneOfStrings('play', 'attack', 'attach', 'retreat', 'evolve', 'activate', 'endTurn'),
        1,
      ),
      name: text(),
    },
    ['id', 'kind', 'actions'],
  ),
  Keyword: closed(
    {
      name: text(),
      reminder: text(),
      builtin: oneOfStrings(...BUILTIN_KEYWORD_NAMES),
      abilities: list(ref('Ability'), 1),
    },
    ['name', 'reminder'],
  ),
  WinRule: closed(
    {
      check: {
        anyOf: [
          { enum: ['lifeAtOrBelowZero', 'noPrizesLeft', 'noCreatureInPlay'] },
          ref('Condition'),
        ],
        description: '"lifeAtOrBelowZero", "noPrizesLeft", "noCreatureInPlay" or a condition',
      },
      result: oneOfStrings('win', 'lose'),
      text: { ...text('the rule in words, said when it decides a match'), maxLength: 120 },
    },
    ['check', 'result'],
  ),
};

/** The published JSON Schema of a ruleset (`tcg/ruleset@1`). */
export const rulesetSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://cardtable.dev/schema/tcg/ruleset@1.json',
  title: 'Cardtable TCG ruleset',
  ...closed(
    {
      schema: { const: 'tcg/ruleset@1' },
      id: identifier,
      version,
      name: text(),
      players: closed({ life: int(1, 999), maxLife: int(1, 999) }),
      deck: closed(
        {
          minSize: int(1, 200),
          maxSize: int(1, 200),
          copyLimit: int(1, 99),
          banned: list(text()),
          copyLimitExempt: list(identifier),
        },
        ['minSize', 'maxSize', 'copyLimit', 'banned'],
      ),
      openingHand: closed({ first: int(0, 20), second: int(0, 20) }),
      mulligan: oneOfStrings('none', 'replaceChosen', 'untilBasic'),
      secondPlayerBonus: text('a card id'),
      zones: list(ref('Zone'), 4),
      cardTypes: record(ref('CardType')),
      resources: ref('Resources'),
      turn: closed({
        phases: list(ref('Phase'), 1),
        draw: closed({
          perTurn: int(0, 9),
          firstPlayerSkipsFirstDraw: { type: 'boolean' },
          emptyDeck: oneOfStrings('fatigue', 'lose'),
        }),
      }),
      combat: closed({
        attacksPerTurn: int(1, 9),
        summoningSickness: { type: 'boolean' },
        canAttackHeroes: { type: 'boolean' },
        blocking: oneOfStrings('none', 'defenderAssigns'),
        retaliation: { type: 'boolean' },
      }),
      keywords: record(ref('Keyword')),
      stack: closed({
        mode: oneOfStrings('none', 'responses'),
        windows: list(oneOfStrings('afterAttackDeclared')),
      }),
      triggerOrder: oneOfStrings('orderOfPlay', 'apnap'),
      win: list(ref('WinRule'), 1),
      simultaneousLoss: oneOfStrings('draw'),
      turnLimit: closed({ turns: int(2, 1000), result: oneOfStrings('draw', 'mostLife') }),
      clock: closed({
        turnSeconds: int(5, 3600),
        decisionSeconds: int(5, 3600),
        timeoutStrikes: int(1, 99),
      }),
      limits: closed({
        stepsPerCommand: int(100, 1_000_000),
        triggersPerCommand: int(10, 100_000),
        luaInstructions: int(1000, 100_000_000),
      }),
      vocabulary: closed({ unit: text(), hero: text(), spell: text(), life: text() }, [
        'unit',
        'hero',
        'spell',
      ]),
      battler: ref('Battler'),
    },
    [
      'schema',
      'id',
      'version',
      'name',
      'players',
      'deck',
      'openingHand',
      'mulligan',
      'zones',
      'cardTypes',
      'resources',
      'turn',
      'combat',
      'keywords',
      'stack',
      'triggerOrder',
      'win',
      'simultaneousLoss',
      'turnLimit',
      'clock',
      'limits',
      'vocabulary',
    ],
  ),
  $defs: definitions,
};
