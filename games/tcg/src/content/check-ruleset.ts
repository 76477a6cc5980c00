import type { CardDef, Ruleset } from './ast.ts';
import { checkAbility } from './check-abilities.ts';
import { checkBattlerRuleset } from './check-battler.ts';
import { checkSelector, STACK_ZONE, unknownZone } from './check-selectors.ts';
import { reservedKeywordId } from './keywords.ts';
import type { ContentProblem } from '../schema/validate.ts';

const CORE_ZONES = { deck: 'hidden', hand: 'owner', board: 'public', discard: 'public' } as const;

/** What a ruleset must satisfy beyond its schema: zones, types, phases and keywords that fit. */
export function checkRuleset(
  ruleset: Ruleset,
  cards: ReadonlyMap<string, Pick<CardDef, 'type' | 'tokens'>>,
  scripts: Readonly<Record<string, string>>,
): ContentProblem[] {
  const cardIds = new Set(cards.keys());
  const problems: ContentProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const zoneIds = new Set<string>();
  ruleset.zones.forEach((zone, i) => {
    if (zone.id === STACK_ZONE) add(`zones[${i}].id`, '"stack" is reserved for the effect stack');
    if (zoneIds.has(zone.id)) add(`zones[${i}].id`, `"${zone.id}" is declared twice`);
    zoneIds.add(zone.id);
    const core = CORE_ZONES[zone.id as keyof typeof CORE_ZONES];
    if (core && zone.visibility !== core)
      add(`zones[${i}].visibility`, `the ${zone.id} must be "${core}"`);
  });
  for (const id of Object.keys(CORE_ZONES))
    if (!zoneIds.has(id)) add('zones', `must declare the "${id}" zone`);

  const types = Object.entries(ruleset.cardTypes);
  if (!types.some(([, t]) => t.kind === 'unit'))
    add('cardTypes', 'must declare at least one unit type');
  for (const [name, type] of types) {
    if (['card', 'hero', 'unit', 'spell', 'energy'].includes(name) && name !== type.kind)
      add(`cardTypes.${name}`, `"${name}" is a built-in word and may only name a ${name} type`);
    if (type.kind === 'spell' && !zoneIds.has(type.thenTo))
      add(`cardTypes.${name}.thenTo`, unknownZone(type.thenTo, ruleset));
  }
  const attached = ruleset.resources.model === 'attached';
  if (attached && !types.some(([, t]) => t.kind === 'energy'))
    add('cardTypes', 'the attached resource model needs an energy card type');
  if (!attached && types.some(([, t]) => t.kind === 'energy'))
    add('cardTypes', 'energy card types need resources.model "attached"');

  const phaseIds = new Set<string>();
  ruleset.turn.phases.forEach((phase, i) => {
    if (phaseIds.has(phase.id)) add(`turn.phases[${i}].id`, `"${phase.id}" is declared twice`);
    phaseIds.add(phase.id);
    if (phase.kind === 'main' && phase.actions.includes('attach') && !attached)
      add(`turn.phases[${i}].actions`, '"attach" needs resources.model "attached"');
  });
  if (!ruleset.turn.phases.some((p) => p.kind === 'main'))
    add('turn.phases', 'needs at least one main phase');

  if (ruleset.deck.minSize > ruleset.deck.maxSize)
    add('deck.minSize', 'must not exceed deck.maxSize');
  const opening = Math.max(ruleset.openingHand.first, ruleset.openingHand.second);
  if (opening > ruleset.deck.minSize) add('openingHand', 'must not exceed deck.minSize');
  if (ruleset.players.life > ruleset.players.maxLife)
    add('players.life', 'must not exceed players.maxLife');
  ruleset.deck.banned.forEach((id, i) => {
    if (!cardIds.has(id)) add(`deck.banned[${i}]`, `names an unknown card "${id}"`);
  });
  if (ruleset.secondPlayerBonus && !cardIds.has(ruleset.secondPlayerBonus))
    add('secondPlayerBonus', `names an unknown card "${ruleset.secondPlayerBonus}"`);

  const builtins = new Map<string, string>();
  const scope = { ruleset, cardIds };
  for (const [name, keyword] of Object.entries(ruleset.keywords)) {
    const reserved = reservedKeywordId(name);
    if (reserved) add(`keywords.${name}`, `the keyword id "${name}" is reserved: ${reserved}`);
    if (keyword.builtin) {
      const other = builtins.get(keyword.builtin);
      if (other)
        add(
          `keywords.${name}.builtin`,
          `"${keyword.builtin}" is already the meaning of "${other}"`,
        );
      builtins.set(keyword.builtin, name);
    }
    keyword.abilities?.forEach((ability, i) =>
      problems.push(
        ...checkAbility(ability, `keywords.${name}.abilities[${i}]`, {
          scope,
          tokens: {},
          scripts,
          cards,
          keyword: name,
        }),
      ),
    );
  }
  problems.push(...checkBattlerRuleset(ruleset));
  ruleset.win.forEach((rule, i) => {
    if (typeof rule.check !== 'string')
      problems.push(...conditionSelectors(rule.check, `win[${i}].check`));
  });
  return problems;

  function conditionSelectors(c: object, path: string): ContentProblem[] {
    return Object.entries(c).flatMap(([key, value]) => {
      if (key === 'exists' || key === 'count')
        return typeof value === 'string'
          ? checkSelector(value, `${path}.${key}`, {
              ...scope,
              bindings: new Set(),
              hasEvent: false,
            })
          : [];
      if (Array.isArray(value))
        return value.flatMap((v, i) =>
          v && typeof v === 'object' ? conditionSelectors(v, `${path}.${key}[${i}]`) : [],
        );
      return value && typeof value === 'object' ? conditionSelectors(value, `${path}.${key}`) : [];
    });
  }
}
