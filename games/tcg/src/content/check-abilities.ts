import type {
  Ability,
  AttackDef,
  CardDef,
  Condition,
  Effect,
  Target,
  TokenDef,
  Value,
} from './ast.ts';
import { didYouMean } from '@cardtable/engine';
import {
  checkSelector,
  unknownKeyword,
  unknownZone,
  unseenPickProblem,
  unseenZoneOfPick,
  type Chooser,
  type SelectorScope,
} from './check-selectors.ts';
import { nestedEffects } from './nested-effects.ts';
import type { ContentProblem } from '../schema/validate.ts';

/** Everything an ability may refer to: the ruleset, the card pool, the card's tokens, scripts. */
export interface AbilityContext {
  scope: Omit<SelectorScope, 'bindings' | 'hasEvent'>;
  tokens: Readonly<Record<string, TokenDef>>;
  scripts: Readonly<Record<string, string>>;
  /** Card definitions by id, to check that summons name units (and tokens of other cards). */
  cards: ReadonlyMap<string, Pick<CardDef, 'type' | 'tokens'>>;
  /** The keyword whose ability it is: it belongs to no card, so a `#token` of its own names nothing. */
  keyword?: string;
}

/**
 * Why `#name` names no token in a keyword's ability: the ability belongs to no card (every unit
 * with the keyword runs it), so the token must be named with its card. Suggests the cards that
 * have a token of that name. One wording for data abilities, Lua literals and a script's effects
 * checked in a match.
 */
export function keywordTokenRefusal(
  ref: string,
  keyword: string,
  cards: ReadonlyMap<string, Pick<CardDef, 'tokens'>>,
): string {
  const name = ref.slice(1);
  const owners = [...cards]
    .filter(([, card]) => card.tokens?.[name])
    .map(([id]) => `"${id}#${name}"`);
  const hint = owners.length
    ? `, here ${owners.slice(0, 3).join(' or ')}`
    : ` (no card of the set has a token "${name}")`;
  return `"${ref}" would be a token of the ability's own card, but an ability of the keyword "${keyword}" belongs to no card (every unit with the keyword runs it): name the token with its card, "<card id>#${name}"${hint}`;
}

type Problems = ContentProblem[];

/** The fields of an effect that name what it acts on. */
const TARGET_FIELDS = ['to', 'target', 'cards', 'item'] as const;

/**
 * In a "when this dies" ability, an effect aimed at `$self`: the unit died before the ability
 * runs and its card is in the discard as a new object (handles are re-issued on every zone
 * change), so the effect finds nothing. A warning that says so and how to write the intent.
 */
function selfAfterDeath(effects: readonly Effect[], path: string): Problems {
  return effects.flatMap((effect, i) => {
    const at = `${path}[${i}]`;
    const record = effect as unknown as Record<string, unknown>;
    const aimed = TARGET_FIELDS.find(
      (field) => typeof record[field] === 'string' && /\$self\b/.test(record[field] as string),
    );
    const own: Problems = aimed
      ? [
          {
            path: `${at}.${aimed}`,
            message:
              'names $self, the unit that died: by the time this runs it has left the board (its card is a new object in the discard), so this finds nothing; to act on the card, pick it from the discard, e.g. {"pick": "first", "from": "id:<this card\'s id> & friendly & @discard", "count": 1}',
            warning: 'SELF_LEFT_THE_BOARD',
          },
        ]
      : [];
    return [
      ...own,
      ...nestedEffects(effect).flatMap((inner) =>
        selfAfterDeath(inner.effects, `${at}.${inner.key}`),
      ),
    ];
  });
}

/** Semantic checks the schema cannot express: references, scopes and what a card may do. */
export function checkAbility(ability: Ability, path: string, ctx: AbilityContext): Problems {
  const problems: Problems = [];
  const { ruleset } = ctx.scope;
  const hasEvent = ability.kind === 'triggered';
  const zoneExists = (zone: string) => ruleset.zones.some((z) => z.id === zone);

  if (ability.kind === 'static') {
    problems.push(
      ...checkSelector(ability.affects, `${path}.affects`, {
        ...ctx.scope,
        bindings: new Set(),
        hasEvent,
      }),
    );
    if (ability.condition)
      problems.push(...condition(ability.condition, `${path}.condition`, new Set()));
    ability.grant?.forEach((keyword, i) =>
      problems.push(...keywordExists(keyword, `${path}.grant[${i}]`)),
    );
    return problems;
  }

  const bindings = new Set<string>();
  ability.targets?.forEach((spec, i) => {
    problems.push(
      ...checkSelector(spec.choose, `${path}.targets[${i}].choose`, {
        ...ctx.scope,
        bindings,
        hasEvent,
      }),
    );
    problems.push(...seen(spec.choose, `${path}.targets[${i}].choose`, '$controller'));
    if (bindings.has(spec.id))
      problems.push({ path: `${path}.targets[${i}].id`, message: `binds "${spec.id}" twice` });
    bindings.add(spec.id);
  });

  if (ability.kind === 'triggered') {
    const { trigger } = ability;
    if (trigger.subject) {
      problems.push(
        ...checkSelector(trigger.subject, `${path}.trigger.subject`, {
          ...ctx.scope,
          bindings: new Set(),
          hasEvent: false,
        }),
      );
      if (trigger.on === 'drawn' && !/^\s*(\$self|friendly|enemy|card)\s*$/.test(trigger.subject))
        problems.push({
          path: `${path}.trigger.subject`,
          message:
            'a "drawn" trigger may only match $self, friendly, enemy or card: anything else would reveal the drawn card',
        });
    }
    if (trigger.whose && trigger.on !== 'turnStart' && trigger.on !== 'turnEnd')
      problems.push({
        path: `${path}.trigger.whose`,
        message: 'applies only to turnStart and turnEnd triggers',
      });
    ability.activeIn?.forEach((zone, i) => {
      if (!zoneExists(zone))
        problems.push({
          path: `${path}.activeIn[${i}]`,
          message: unknownZone(zone, ruleset),
        });
    });
    if (ability.condition)
      problems.push(...condition(ability.condition, `${path}.condition`, bindings));
    if (trigger.on === 'died' && (trigger.subject ?? '$self').trim() === '$self')
      problems.push(...selfAfterDeath(ability.effects ?? [], `${path}.effects`));
  }

  if (ability.kind === 'activated') {
    if (ability.condition)
      problems.push(...condition(ability.condition, `${path}.condition`, bindings));
    if (ability.cost && ruleset.resources.model !== 'pool')
      problems.push({
        path: `${path}.cost`,
        message: `is paid from a pool of ${ruleset.resources.name}; with the "${ruleset.resources.model}" resource model an activated ability costs nothing (remove cost)`,
      });
  }

  if (ability.lua) problems.push(...luaExists(ability.lua.module, `${path}.lua.module`));
  if (ability.effects) problems.push(...effectList(ability.effects, `${path}.effects`, bindings));
  const scripted = ability.lua !== undefined || containsLua(ability.effects ?? []);
  if (scripted && !ability.text)
    problems.push({
      path: `${path}.text`,
      message: 'is required: rules text cannot be generated from a Lua script',
    });
  if (!scripted && ability.text !== undefined)
    problems.push({
      path: `${path}.text`,
      message: 'is generated from the effects; remove it (only Lua abilities carry text)',
    });
  return problems;

  function keywordExists(keyword: string, at: string): Problems {
    return keyword in ruleset.keywords
      ? []
      : [{ path: at, message: unknownKeyword(keyword, ruleset) }];
  }
  function luaExists(module: string, at: string): Problems {
    return module in ctx.scripts
      ? []
      : [
          {
            path: at,
            message: `names an unknown Lua module "${module}"${didYouMean(module, Object.keys(ctx.scripts))}`,
          },
        ];
  }
  function selector(source: string, at: string, scope: ReadonlySet<string>): Problems {
    return checkSelector(source, at, { ...ctx.scope, bindings: scope, hasEvent });
  }
  function target(t: Target, at: string, scope: ReadonlySet<string>): Problems {
    if (typeof t === 'string') return selector(t, at, scope);
    const problems = selector(t.from, `${at}.from`, scope);
    return t.pick === 'chosen'
      ? [...problems, ...seen(t.from, `${at}.from`, t.chooser ?? '$controller')]
      : problems;
  }
  /** A player's pick must be among cards that player can see (`unseenZoneOfPick`). */
  function seen(source: string, at: string, chooser: Chooser): Problems {
    const zone = unseenZoneOfPick(source, ruleset, chooser);
    return zone === null ? [] : [unseenPickProblem(source, zone, at)];
  }
  function value(v: Value, at: string, scope: ReadonlySet<string>): Problems {
    if (typeof v === 'number') return [];
    if ('count' in v) return selector(v.count, `${at}.count`, scope);
    if ('stat' in v) return selector(v.stat[0], `${at}.stat[0]`, scope);
    if ('zoneSize' in v)
      return zoneExists(v.zoneSize[1])
        ? []
        : [{ path: `${at}.zoneSize[1]`, message: unknownZone(v.zoneSize[1], ruleset) }];
    if ('energy' in v) return selector(v.energy[0], `${at}.energy[0]`, scope);
    if ('event' in v)
      return hasEvent
        ? []
        : [{ path: `${at}.event`, message: 'refers to the event outside a triggered ability' }];
    for (const key of ['add', 'mul', 'min', 'max', 'sub', 'div'] as const)
      if (key in v)
        return (v as Record<string, Value[]>)[key]!.flatMap((inner, i) =>
          value(inner, `${at}.${key}[${i}]`, scope),
        );
    return [];
  }
  function condition(c: Condition, at: string, scope: ReadonlySet<string>): Problems {
    if ('all' in c) return c.all.flatMap((inner, i) => condition(inner, `${at}.all[${i}]`, scope));
    if ('any' in c) return c.any.flatMap((inner, i) => condition(inner, `${at}.any[${i}]`, scope));
    if ('not' in c) return condition(c.not, `${at}.not`, scope);
    if ('exists' in c) return selector(c.exists, `${at}.exists`, scope);
    if ('count' in c)
      return [...selector(c.count, `${at}.count`, scope), ...value(c.value, `${at}.value`, scope)];
    if ('cmp' in c)
      return [...value(c.cmp[0], `${at}.cmp[0]`, scope), ...value(c.cmp[2], `${at}.cmp[2]`, scope)];
    if ('history' in c) return value(c.value, `${at}.value`, scope);
    return [];
  }
  function effectList(list: readonly Effect[], at: string, outer: ReadonlySet<string>): Problems {
    const scope = new Set(outer);
    return list.flatMap((e, i) => effect(e, `${at}[${i}]`, scope));
  }
  /** Checks one effect; a `chooseTargets` adds its binding to `scope` for the effects after it. */
  function effect(e: Effect, at: string, scope: Set<string>): Problems {
    switch (e.do) {
      case 'damage':
      case 'heal':
        return [...target(e.to, `${at}.to`, scope), ...value(e.amount, `${at}.amount`, scope)];
      case 'draw':
        return value(e.count, `${at}.count`, scope);
      case 'discard':
        return value(e.count, `${at}.count`, scope);
      case 'summon':
        return [...summonable(e.card, `${at}.card`), ...value(e.count, `${at}.count`, scope)];
      case 'destroy':
        return target(e.target, `${at}.target`, scope);
      case 'move':
        return [
          ...target(e.cards, `${at}.cards`, scope),
          ...(zoneExists(e.to) ? [] : [{ path: `${at}.to`, message: unknownZone(e.to, ruleset) }]),
        ];
      case 'shuffle':
        return zoneExists(e.zone)
          ? []
          : [{ path: `${at}.zone`, message: unknownZone(e.zone, ruleset) }];
      case 'modify':
        return [
          ...target(e.target, `${at}.target`, scope),
          ...value(e.value, `${at}.value`, scope),
        ];
      case 'grant':
        return [
          ...target(e.target, `${at}.target`, scope),
          ...e.keywords.flatMap((k, i) => keywordExists(k, `${at}.keywords[${i}]`)),
        ];
      case 'resource':
        return value(e.amount, `${at}.amount`, scope);
      case 'steal':
        return [
          ...(e.from === '$controller'
            ? [
                {
                  path: `${at}.from`,
                  message:
                    'steal takes from "$controller", who is also the one it gives to: nothing would move (steal from "$opponent")',
                },
              ]
            : []),
          ...value(e.amount, `${at}.amount`, scope),
        ];
      case 'counter':
        return [
          ...target(e.item, `${at}.item`, scope),
          ...(ruleset.stack.mode === 'responses'
            ? []
            : [
                {
                  path: at,
                  message: 'counter needs stack.mode "responses": there is no stack to counter',
                },
              ]),
        ];
      case 'reveal':
        return target(e.cards, `${at}.cards`, scope);
      case 'choose':
        return e.options.flatMap((option, i) =>
          effectList(option.effects, `${at}.options[${i}].effects`, scope),
        );
      case 'may':
        return effectList(e.effects, `${at}.effects`, scope);
      case 'if':
        return [
          ...condition(e.cond, `${at}.cond`, scope),
          ...effectList(e.then, `${at}.then`, scope),
          ...effectList(e.else ?? [], `${at}.else`, scope),
        ];
      case 'chooseTargets': {
        const problems = [
          ...selector(e.from, `${at}.from`, scope),
          ...seen(e.from, `${at}.from`, e.chooser ?? '$controller'),
        ];
        scope.add(e.id);
        return problems;
      }
      case 'repeat':
        return [
          ...value(e.times, `${at}.times`, scope),
          ...effectList(e.effects, `${at}.effects`, scope),
        ];
      case 'forEach':
        return [
          ...selector(e.in, `${at}.in`, scope),
          ...effectList(e.effects, `${at}.effects`, new Set([...scope, e.as])),
        ];
      case 'lua':
        return luaExists(e.module, `${at}.module`);
      case 'flip':
        return [
          ...battlerOnly(at),
          ...(e.coins === undefined ? [] : value(e.coins, `${at}.coins`, scope)),
          ...effectList(e.heads ?? [], `${at}.heads`, scope),
          ...effectList(e.tails ?? [], `${at}.tails`, scope),
        ];
      case 'attackDamage':
        return [
          ...battlerOnly(at),
          ...value(e.amount, `${at}.amount`, scope),
          ...(scope.has('defender')
            ? []
            : [{ path: at, message: 'attackDamage is only for the effects of an attack' }]),
        ];
      case 'condition':
        return [
          ...battlerOnly(at),
          ...target(e.target, `${at}.target`, scope),
          ...conditionExists(e.add, `${at}.add`, false),
          ...conditionExists(e.remove, `${at}.remove`, true),
          ...(e.add === undefined && e.remove === undefined
            ? [{ path: at, message: 'needs add or remove' }]
            : []),
        ];
      case 'discardEnergy':
        return [
          ...battlerOnly(at),
          ...target(e.from, `${at}.from`, scope),
          ...value(e.count, `${at}.count`, scope),
          ...(e.energyType === undefined || ruleset.battler?.energyTypes.includes(e.energyType)
            ? []
            : [
                {
                  path: `${at}.energyType`,
                  message: unknownEnergyType(e.energyType, ruleset.battler?.energyTypes ?? []),
                },
              ]),
        ];
      case 'devolve':
        return [...battlerOnly(at), ...target(e.target, `${at}.target`, scope)];
      case 'switch':
        return battlerOnly(at);
    }
  }
  function battlerOnly(at: string): Problems {
    return ruleset.battler
      ? []
      : [{ path: `${at}.do`, message: 'is a battler effect: the ruleset has no "battler" rules' }];
  }
  function conditionExists(id: string | undefined, at: string, allowAll: boolean): Problems {
    if (id === undefined || (allowAll && id === 'all') || (ruleset.battler?.conditions ?? {})[id])
      return [];
    return [{ path: at, message: `names an unknown special condition "${id}"` }];
  }
  /** A unit card of the set, a token of this card (`#name`) or of another (`set/card#name`). */
  function summonable(card: string, at: string): Problems {
    const [owner, token] = card.split('#') as [string, string | undefined];
    if (token !== undefined && owner === '' && ctx.keyword !== undefined)
      return [{ path: at, message: keywordTokenRefusal(card, ctx.keyword, ctx.cards) }];
    const type =
      token === undefined
        ? ctx.cards.get(card)?.type
        : owner === ''
          ? ctx.tokens[token]?.type
          : ctx.cards.get(owner)?.tokens?.[token]?.type;
    if (type === undefined)
      return [
        {
          path: at,
          message:
            token === undefined
              ? `names an unknown card "${card}"`
              : `names an unknown token "${card}" (a token is "#name" of this card or "<card id>#name")`,
        },
      ];
    return ruleset.cardTypes[type]?.kind === 'unit'
      ? []
      : [{ path: at, message: `"${card}" is not a unit and cannot be summoned` }];
  }
}

/** An attack's effects and damage: `$defender` is bound (the defending creature). */
/** A type the battler rules do not have, with the ones they do (a typo is the usual cause). */
export const unknownEnergyType = (value: string, known: readonly string[]): string =>
  `names an unknown energy type "${value}" (the ruleset's battler.energyTypes: ${known.join(', ')})${didYouMean(value, known)}`;

export function checkAttack(attack: AttackDef, path: string, ctx: AbilityContext): Problems {
  const rules = ctx.scope.ruleset.battler;
  if (!rules) return [{ path, message: 'attacks need the ruleset\'s "battler" rules' }];
  const asAbility = (effects: Effect[], text?: string): Ability => ({
    id: attack.id,
    kind: 'spell',
    targets: [{ id: 'defender', choose: 'unit & enemy & active' }],
    effects,
    ...(text === undefined ? {} : { text }),
  });
  // The attack's effects are checked as an ability's, `text` included: required with Lua.
  const problems =
    attack.effects?.length || attack.text !== undefined
      ? checkAbility(asAbility(attack.effects ?? [], attack.text), path, ctx)
      : [];
  if (attack.damage !== undefined)
    for (const p of checkAbility(
      asAbility([{ do: 'attackDamage', amount: attack.damage }]),
      path,
      ctx,
    ))
      problems.push({ ...p, path: p.path.replace(`${path}.effects[0].amount`, `${path}.damage`) });
  attack.cost.forEach((symbol, i) => {
    if (symbol !== rules.wildcard && !rules.energyTypes.includes(symbol))
      problems.push({
        path: `${path}.cost[${i}]`,
        message: unknownEnergyType(symbol, [...rules.energyTypes, rules.wildcard]),
      });
  });
  return problems;
}

/** Whether any of `effects`, however deeply nested, calls Lua. */
export function containsLua(effects: readonly Effect[]): boolean {
  return effects.some(
    (e) => e.do === 'lua' || nestedEffects(e).some((nested) => containsLua(nested.effects)),
  );
}
