import type { CardDef, Ruleset } from './ast.ts';
import { checkAttack, unknownEnergyType, type AbilityContext } from './check-abilities.ts';
import { unknownZone } from './check-selectors.ts';
import type { ContentProblem } from '../schema/validate.ts';

const BATTLER_CARD_FIELDS = [
  'element',
  'stage',
  'evolvesFrom',
  'attacks',
  'retreat',
  'weakness',
  'resistance',
  'prizeValue',
] as const;

/** A card's battler fields: known energy types, evolution lines that exist, attacks. */
export function checkBattlerCard(
  card: CardDef,
  path: string,
  ruleset: Ruleset,
  cards: ReadonlyMap<string, CardDef>,
  ctx: AbilityContext,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (at: string, message: string) => problems.push({ path: at, message });
  const rules = ruleset.battler;
  const kind = ruleset.cardTypes[card.type]?.kind;
  if (!rules) {
    for (const field of BATTLER_CARD_FIELDS)
      if (card[field] !== undefined)
        add(`${path}.${field}`, 'is a battler field: the ruleset has no "battler" rules');
    return problems;
  }
  for (const field of ['element', 'weakness', 'resistance'] as const) {
    const value = card[field];
    if (value !== undefined && !rules.energyTypes.includes(value))
      add(`${path}.${field}`, unknownEnergyType(value, rules.energyTypes));
  }
  if (kind === 'energy' && card.element === undefined)
    add(`${path}.element`, 'is required: the energy type this card provides');
  const creatureOnly = ['stage', 'evolvesFrom', 'attacks', 'retreat', 'weakness', 'resistance'];
  if (kind !== 'unit')
    for (const field of creatureOnly)
      if (card[field as keyof CardDef] !== undefined)
        add(`${path}.${field}`, 'only creatures (unit cards) have it');
  const stage = card.stage ?? 0;
  if (stage > 0) {
    const from = [...cards.values()].filter((c) => c.name === card.evolvesFrom);
    if (card.evolvesFrom === undefined) add(`${path}.evolvesFrom`, 'is required for stage 1 and 2');
    else if (!from.some((c) => (c.stage ?? 0) === stage - 1))
      add(
        `${path}.evolvesFrom`,
        `names no stage ${stage - 1} card: "${card.evolvesFrom}" is not in the set at that stage (${stageNames(cards, stage - 1)})`,
      );
  } else if (card.evolvesFrom !== undefined)
    add(`${path}.evolvesFrom`, 'only stage 1 and 2 creatures evolve from another');
  const ids = new Set<string>();
  card.attacks?.forEach((attack, i) => {
    if (ids.has(attack.id)) add(`${path}.attacks[${i}].id`, `"${attack.id}" is used twice`);
    ids.add(attack.id);
    problems.push(...checkAttack(attack, `${path}.attacks[${i}]`, ctx));
  });
  return problems;
}

/** The names a card of `stage + 1` may evolve from, to pick from (it names a card by name). */
function stageNames(cards: ReadonlyMap<string, CardDef>, stage: number): string {
  const names = [
    ...new Set(
      [...cards.values()]
        .filter((c) => (c.stage ?? 0) === stage && c.stats)
        .map((c) => JSON.stringify(c.name)),
    ),
  ];
  return names.length
    ? `stage ${stage}: ${names.join(', ')}`
    : `the set has no stage ${stage} creature`;
}

/** A ruleset's battler section against the rest of the ruleset. */
export function checkBattlerRuleset(ruleset: Ruleset): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (at: string, message: string) => problems.push({ path: at, message });
  const rules = ruleset.battler;
  const zone = (id: string) => ruleset.zones.find((z) => z.id === id);
  const kinds = Object.values(ruleset.cardTypes).map((t) => t.kind);
  const usesBattler =
    ruleset.mulligan === 'untilBasic' ||
    kinds.includes('stadium') ||
    kinds.includes('tool') ||
    ruleset.win.some((w) => w.check === 'noPrizesLeft' || w.check === 'noCreatureInPlay') ||
    ruleset.turn.phases.some((p) =>
      p.kind === 'auto'
        ? p.steps.includes('checkup')
        : p.actions.includes('retreat') || p.actions.includes('evolve'),
    );
  if (!rules) {
    if (usesBattler)
      add(
        'battler',
        'is required: untilBasic mulligans, stadiums, tools, the checkup, retreat, evolve and prize wins are battler rules',
      );
    return problems;
  }
  const prizes = zone(rules.prizeZone);
  if (!prizes) add('battler.prizeZone', unknownZone(rules.prizeZone, ruleset));
  else if (prizes.visibility !== 'hidden')
    add('battler.prizeZone', 'must be a "hidden" zone: prizes are face down, even to their owner');
  if (rules.stadiumZone !== undefined) {
    const stadium = zone(rules.stadiumZone);
    if (!stadium) add('battler.stadiumZone', unknownZone(rules.stadiumZone, ruleset));
    else if (stadium.visibility !== 'public') add('battler.stadiumZone', 'must be "public"');
  } else if (kinds.includes('stadium'))
    add('battler.stadiumZone', 'is required by the stadium card type');
  if (zone('board')?.limit !== rules.bench + 1)
    add('zones', `the board's limit must be the bench plus the active spot (${rules.bench + 1})`);
  if (ruleset.resources.model !== 'attached')
    add('resources.model', 'must be "attached" in a battler');
  if (rules.energyTypes.includes(rules.wildcard))
    add('battler.wildcard', 'must not be one of the energy types');
  if (ruleset.combat.canAttackHeroes)
    add('combat.canAttackHeroes', 'must be false: battler attacks hit the active creature');
  ruleset.deck.copyLimitExempt?.forEach((type, i) => {
    if (!(type in ruleset.cardTypes))
      add(`deck.copyLimitExempt[${i}]`, `names an unknown card type "${type}"`);
  });
  return problems;
}
