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
  CardType: tagged('kind', ['CardType_unit', 'CardType_spell', 'CardType_energy']),
  CardType_unit: closed({ kind: { const: 'unit' }, name: text() }),
  CardType_spell: closed({ kind: { const: 'spell' }, name: text(), thenTo: identifier }),
  CardType_energy: closed({ kind: { const: 'energy' }, name: text() }),
  Resources: tagged('model', ['Resources_pool', 'Resources_attached']),
  Resources_pool: closed({
    model: { const: 'pool' },
    id: identifier,
    name: text(),
    start: int(0, 99),
    growPerTurn: int(0, 99),
    cap: int(0, 99),
  }),
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
        oneOfStrings('readyUnits', 'growResources', 'refillResources', 'draw', 'expireEndOfTurn'),
      ),
      raises: oneOfStrings('turnStart', 'turnEnd'),
    },
    ['id', 'kind', 'steps'],
  ),
  Phase_main: closed({
    id: identifier,
    kind: { const: 'main' },
    actions: list(oneOfStrings('play', 'attack', 'attach'), 1),
  }),
  Keyword: closed(
    {
      name: text(),
      reminder: text(),
      builtin: oneOfStrings(...BUILTIN_KEYWORD_NAMES),
      abilities: list(ref('Ability'), 1),
    },
    ['name', 'reminder'],
  ),
  WinRule: closed({
    check: {
      anyOf: [{ const: 'lifeAtOrBelowZero' }, ref('Condition')],
      description: '"lifeAtOrBelowZero" or a condition',
    },
    result: oneOfStrings('win', 'lose'),
  }),
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
      deck: closed({
        minSize: int(1, 200),
        maxSize: int(1, 200),
        copyLimit: int(1, 99),
        banned: list(text()),
      }),
      openingHand: closed({ first: int(0, 20), second: int(0, 20) }),
      mulligan: oneOfStrings('none', 'replaceChosen'),
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
      vocabulary: closed({ unit: text(), hero: text(), spell: text() }),
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
