import type { StaticAbility } from '../content/ast.ts';
import { oncePerContent, cardOf, type Content } from '../content/content.ts';
import { selectorAst } from '../content/selector.ts';
import { abilityEntries } from './abilities.ts';
import { conditionHolds } from './conditions.ts';
import type { DerivedStats, EvalContext } from './eval-context.ts';
import { matchesSelector } from './select.ts';
import type { CardInstance, ObjectId, TcgState } from './state.ts';
import { attachedByUnit } from './attachments.ts';
import { RecentStates } from './recent-states.ts';

const cache = new RecentStates<Map<string, DerivedStats>>();

/**
 * Derived state, recomputed from base stats, stored modifiers (in timestamp order, `set`
 * before `add`) and the static abilities on the board. Static `affects` selectors and
 * conditions see raw numbers (`raw`: without statics), which rules out cycles between statics.
 *
 * A card's stats without statics (raw ones, those of a card off the board, and everyone's while
 * no static is in force, the common case) depend on its card, its damage and the modifiers
 * only, so they are kept by handle across states (`plainStats`): each event makes a new
 * state, and state-based checks ask for the stats of every unit after every step. With statics
 * in force, a board card's stats are cached per state (states are immutable).
 */
export function statsOf(
  state: TcgState,
  content: Content,
  handle: string,
  raw = false,
): DerivedStats {
  const card = state.cards[handle] as CardInstance;
  if (raw || card.zone !== 'board') return plainStats(state, content, card);
  const statics = staticsInForce(state, content);
  if (statics.length === 0) return plainStats(state, content, card);
  let map = cache.get(state);
  if (!map) cache.set(state, (map = new Map()));
  let stats = map.get(handle);
  if (!stats) {
    stats = compute(state, content, card, statics);
    map.set(handle, stats);
  }
  return stats;
}

/**
 * Whether a card's health is at or below zero (state-based checks ask it of every unit between
 * frames). Where no static ability of the content can lower health (no `set`, no negative
 * `add`: most content), statics only add to a card's plain health, so a card whose plain
 * health is above zero lives without finding the statics in force in this state.
 */
export function healthGone(state: TcgState, content: Content, handle: string): boolean {
  const card = state.cards[handle] as CardInstance;
  if (!staticsMayLowerHealth(content) && plainHealth(state, content, card) > 0) return false;
  return statsOf(state, content, handle).health <= 0;
}

/**
 * `plainStats(...).health` without the stats: with no modifier on the card (most units, most of
 * the time), its printed health (at least 0) less its damage, as `compute` makes it. Asked of
 * every unit between frames, where the kept stats' `WeakMap` lookup was 3-4% of a demo batch.
 */
function plainHealth(state: TcgState, content: Content, card: CardInstance): number {
  const modifiers = state.modifiers;
  for (let i = 0; i < modifiers.length; i++)
    if (modifiers[i]!.target === card.handle) return plainStats(state, content, card).health;
  return Math.max(0, cardOf(content, card.defId).stats?.health ?? 0) - card.damage;
}

/** Whether any static ability of the content (a card's or a keyword's) sets or lowers health. */
const staticsMayLowerHealth = oncePerContent((content): boolean => {
  const abilities = [
    ...[...content.cards.values()].flatMap((def) => def.abilities ?? []),
    ...Object.values(content.ruleset.keywords).flatMap((keyword) => keyword.abilities ?? []),
  ];
  return abilities.some(
    (ability) =>
      ability.kind === 'static' &&
      (ability.modify ?? []).some((m) => m.stat === 'health' && (m.op === 'set' || m.value < 0)),
  );
});

/** What a card's plain stats were computed from, to tell whether they still hold. */
interface PlainEntry {
  content: Content;
  defId: string;
  damage: number;
  modifiers: TcgState['modifiers'];
  stats: DerivedStats;
}

/**
 * Keyed by the card's handle, checked against what they were computed from (a card's plain
 * stats read its definition, its damage and the modifiers on its handle, nothing else). Not a
 * `WeakMap` by card object: a command copies a card object for each write and every guess of
 * the CPU shares or makes its own, so most lookups missed, and every card object got an
 * ephemeron for the collector to trace. At most `PLAIN_KEPT` handles are kept (every playout
 * mints new ones): past that, all are dropped and computed again.
 */
const plainCache = new Map<string, PlainEntry>();
const PLAIN_KEPT = 4096;

function plainStats(state: TcgState, content: Content, card: CardInstance): DerivedStats {
  const entry = plainCache.get(card.handle);
  if (
    entry !== undefined &&
    entry.modifiers === state.modifiers &&
    entry.damage === card.damage &&
    entry.defId === card.defId &&
    entry.content === content
  )
    return entry.stats;
  const stats = compute(state, content, card, []);
  if (entry !== undefined) {
    entry.content = content;
    entry.defId = card.defId;
    entry.damage = card.damage;
    entry.modifiers = state.modifiers;
    entry.stats = stats;
    return stats;
  }
  if (plainCache.size >= PLAIN_KEPT) plainCache.clear();
  plainCache.set(card.handle, {
    content,
    defId: card.defId,
    damage: card.damage,
    modifiers: state.modifiers,
    stats,
  });
  return stats;
}

/**
 * An evaluation context whose `stats` are these derived stats (raw ones when `raw`). Every
 * field written, absent ones as `undefined` (read as `?? 0` and `?? false`): one shape for every
 * context, so the selectors and conditions that read them see one, and no spread per context
 * (one is made for every trigger checked, static in force and ability step).
 */
export function evalContext(fields: Omit<EvalContext, 'stats'>): EvalContext {
  return {
    state: fields.state,
    content: fields.content,
    controller: fields.controller,
    self: fields.self,
    bindings: fields.bindings,
    event: fields.event,
    heads: fields.heads,
    raw: fields.raw,
    stats: contextStats,
  };
}

/**
 * `stats` of every context: one function reading the context it is called on, not a closure
 * per context (a context is made for every trigger checked, static in force and ability step,
 * and under tsx each closure made was also renamed with a `defineProperty` call).
 */
function contextStats(this: EvalContext, id: ObjectId): DerivedStats {
  return statsOf(this.state, this.content, id, this.raw ?? false);
}

export function hasKeyword(
  state: TcgState,
  content: Content,
  handle: string,
  keyword: string | null,
): boolean {
  return keyword !== null && statsOf(state, content, handle).keywords.has(keyword);
}

/** A card's stats with these statics in force (none: its plain stats). */
function compute(
  state: TcgState,
  content: Content,
  card: CardInstance,
  statics: StaticInForce[],
): DerivedStats {
  const handle = card.handle;
  const def = cardOf(content, card.defId);
  let attack = def.stats?.attack ?? 0;
  let health = def.stats?.health ?? 0;
  const keywords = new Set(def.keywords ?? []);
  const changes: {
    ts: number;
    effect:
      | { stat: 'attack' | 'health'; op: 'add' | 'set'; value: number }
      | { grant: string }
      | { revoke: string };
  }[] = [];
  for (const modifier of state.modifiers)
    if (modifier.target === handle) changes.push({ ts: modifier.id, effect: modifier.effect });
  for (const entry of statics) {
    if (!holds(entry)) continue;
    if (!matchesSelector(entry.ctx, handle, selectorAst(entry.ability.affects))) continue;
    for (const m of entry.ability.modify ?? []) changes.push({ ts: entry.ts, effect: m });
    for (const k of entry.ability.grant ?? []) changes.push({ ts: entry.ts, effect: { grant: k } });
  }
  changes.sort((a, b) => a.ts - b.ts);
  for (const { effect } of changes) {
    if (!('op' in effect) || effect.op !== 'set') continue;
    if (effect.stat === 'attack') attack = effect.value;
    else health = effect.value;
  }
  for (const { effect } of changes) {
    if ('op' in effect && effect.op === 'add') {
      if (effect.stat === 'attack') attack += effect.value;
      else health += effect.value;
    } else if ('grant' in effect) keywords.add(effect.grant);
    else if ('revoke' in effect) keywords.delete(effect.revoke);
  }
  attack = Math.max(0, attack);
  const maxHealth = Math.max(0, health);
  return {
    attack,
    health: maxHealth - card.damage,
    maxHealth,
    cost: def.cost,
    damage: card.damage,
    keywords,
  };
}

/** A static ability on the board, with what every card's stats share: its context and condition. */
interface StaticInForce {
  ability: StaticAbility;
  ctx: EvalContext;
  ts: number;
  /** Its condition's verdict, evaluated the first time a card's stats need it. */
  condition: boolean | null;
}

const staticsCache = new RecentStates<StaticInForce[]>();

/**
 * The static abilities on the board of a state, found once per state rather than once per
 * card whose stats are computed (the scan and each condition are the same for every card).
 */
function staticsInForce(state: TcgState, content: Content): StaticInForce[] {
  let statics = staticsCache.get(state);
  if (!statics) {
    statics = boardStatics(state, content).map(({ ability, source }) => ({
      ability,
      ctx: evalContext({
        state,
        content,
        controller: state.cards[source]!.controller,
        self: source,
        bindings: {},
        event: null,
        raw: true,
      }),
      ts: state.cards[source]!.playOrder,
      condition: ability.condition ? null : true,
    }));
    staticsCache.set(state, statics);
  }
  return statics;
}

const holds = (entry: StaticInForce): boolean =>
  (entry.condition ??= conditionHolds(entry.ctx, entry.ability.condition!));

const printedByDef = oncePerContent(() => new Map<string, StaticAbility[]>());

/**
 * A card's static abilities, its own and those its printed keywords carry (granted keywords
 * come from statics, which would be circular): fixed by the content, so found once per card.
 */
function printedStatics(content: Content, defId: string): StaticAbility[] {
  const byDef = printedByDef(content);
  let statics = byDef.get(defId);
  if (!statics) {
    statics = [];
    for (const { ability } of abilityEntries(content, defId, cardOf(content, defId).keywords ?? []))
      if (ability.kind === 'static') statics.push(ability);
    byDef.set(defId, statics);
  }
  return statics;
}

/** Every static ability in force: on board units, including those their keywords carry. */
function boardStatics(
  state: TcgState,
  content: Content,
): { ability: StaticAbility; source: string }[] {
  const out: { ability: StaticAbility; source: string }[] = [];
  for (const player of state.players)
    for (const handle of player.zones.board ?? []) {
      for (const ability of printedStatics(content, state.cards[handle]!.defId))
        out.push({ ability, source: handle });
    }
  if (content.ruleset.battler) out.push(...battlerStatics(state, content));
  return out;
}

/**
 * Battler statics: a stadium's (its controller's, like a unit's), and an attached tool's,
 * which act as its creature's own (`$self` is the creature).
 */
function battlerStatics(
  state: TcgState,
  content: Content,
): { ability: StaticAbility; source: string }[] {
  const out: { ability: StaticAbility; source: string }[] = [];
  const zone = content.ruleset.battler?.stadiumZone;
  for (const player of state.players)
    for (const handle of zone ? (player.zones[zone] ?? []) : [])
      for (const ability of cardOf(content, state.cards[handle]!.defId).abilities ?? [])
        if (ability.kind === 'static') out.push({ ability, source: handle });
  for (const [unit, attached] of attachedByUnit(state.cards))
    for (const handle of attached) {
      const card = state.cards[handle]!;
      if (card.under) continue;
      const def = cardOf(content, card.defId);
      if (content.ruleset.cardTypes[def.type]?.kind !== 'tool') continue;
      for (const ability of def.abilities ?? [])
        if (ability.kind === 'static') out.push({ ability, source: unit });
    }
  return out;
}
