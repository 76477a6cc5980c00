import type { Seat } from '@cardtable/engine';
import type { StatName, Target } from '../content/ast.ts';
import { cardOf, cardTypeOf } from '../content/content.ts';
import { selectorAst, type SelectorNode } from '../content/selector.ts';
import { compare } from './compare.ts';
import type { EvalContext } from './eval-context.ts';
import { heroId, heroSeat, opponentOf, STACK, type ObjectId } from './state.ts';

/**
 * Every object a selector matches, in canonical order: the controller's side first (hero,
 * then zones in ruleset order, each by position), then the opponent's, then the stack from
 * the bottom. Without a zone term, cards are looked for on the board; bound objects are
 * found wherever they are. Doomed units are never selected.
 */
export function select(ctx: EvalContext, selector: string): ObjectId[] {
  const node = selectorAst(selector);
  const zones = new Set<string>();
  const refs = new Set<ObjectId>();
  collect(ctx, node, zones, refs);
  if (zones.size === 0) zones.add('board');
  const found: Found = { ctx, node, out: [], seen: new Set() };
  for (const seat of [ctx.controller, opponentOf(ctx.controller)]) {
    consider(found, heroId(seat));
    for (const zone of ctx.content.ruleset.zones) {
      const list = ctx.state.players[seat]!.zones[zone.id] ?? [];
      const ordered = zone.id === 'deck' ? [...list].reverse() : list;
      for (const handle of ordered)
        if (zones.has(zone.id) || refs.has(handle)) consider(found, handle);
    }
  }
  for (const item of ctx.state.stack)
    if (item.kind === 'card' && (zones.has(STACK) || refs.has(item.card)))
      consider(found, item.card);
  return found.out;
}

/**
 * What `select` has found so far. A module function adds to it, not a closure made per call:
 * under tsx (esbuild's `keepNames`) each closure made is also renamed with `defineProperty`.
 */
interface Found {
  ctx: EvalContext;
  node: SelectorNode;
  out: ObjectId[];
  seen: Set<ObjectId>;
}

function consider(found: Found, id: ObjectId): void {
  if (!found.seen.has(id) && matchesSelector(found.ctx, id, found.node)) found.out.push(id);
  found.seen.add(id);
}

function collect(
  ctx: EvalContext,
  node: SelectorNode,
  zones: Set<string>,
  refs: Set<ObjectId>,
): void {
  if ('and' in node) node.and.forEach((n) => collect(ctx, n, zones, refs));
  else if ('or' in node) node.or.forEach((n) => collect(ctx, n, zones, refs));
  else if ('not' in node) collect(ctx, node.not, zones, refs);
  else if ('zone' in node) zones.add(node.zone);
  else if ('ref' in node) for (const id of resolveRef(ctx, node.ref)) refs.add(id);
}

export function resolveRef(ctx: EvalContext, ref: string): readonly ObjectId[] {
  if (ref === 'self') return ctx.self ? [ctx.self] : [];
  if (ref === 'event.subject') return ctx.event?.subject ? [ctx.event.subject] : [];
  if (ref === 'event.source') return ctx.event?.source ? [ctx.event.source] : [];
  return ctx.bindings[ref] ?? [];
}

/** Whether an object (card handle or hero) matches a selector; objects that are gone never do. */
export function matchesSelector(ctx: EvalContext, id: ObjectId, node: SelectorNode): boolean {
  const seat = heroSeat(id);
  if (seat === null) {
    const card = ctx.state.cards[id];
    if (!card || card.doomed) return false;
    if (card.zone === 'board' && !ctx.raw && ctx.stats(id).health <= 0) return false;
  }
  return matches(ctx, id, seat, node);
}

/**
 * Whether an event's subject matches a trigger's selector. Unlike `matchesSelector` it accepts
 * doomed units: a unit dealt lethal damage still "takes damage".
 */
export function subjectMatches(ctx: EvalContext, id: ObjectId, node: SelectorNode): boolean {
  const seat = heroSeat(id);
  if (seat === null && !ctx.state.cards[id]) return false;
  return matches(ctx, id, seat, node);
}

function matches(ctx: EvalContext, id: ObjectId, seat: Seat | null, node: SelectorNode): boolean {
  if ('and' in node) return node.and.every((n) => matches(ctx, id, seat, n));
  if ('or' in node) return node.or.some((n) => matches(ctx, id, seat, n));
  if ('not' in node) return !matches(ctx, id, seat, node.not);
  if ('ref' in node) return resolveRef(ctx, node.ref).includes(id);
  if (seat !== null) return heroMatches(ctx, seat, node);
  const card = ctx.state.cards[id]!;
  const def = cardOf(ctx.content, card.defId);
  if ('type' in node)
    return (
      node.type === 'card' ||
      node.type === def.type ||
      node.type === cardTypeOf(ctx.content, def).kind
    );
  if ('side' in node) return (card.controller === ctx.controller) === (node.side === 'friendly');
  if ('zone' in node) return card.zone === node.zone;
  if ('tag' in node) return (def.tags ?? []).includes(node.tag);
  if ('id' in node) return card.defId === node.id;
  if ('element' in node) return def.element === node.element;
  const onBoard = card.zone === 'board';
  if ('has' in node)
    return onBoard ? ctx.stats(id).keywords.has(node.has) : (def.keywords ?? []).includes(node.has);
  if ('state' in node) {
    switch (node.state) {
      case 'damaged':
        return card.damage > 0;
      case 'undamaged':
        return card.damage === 0;
      case 'ready':
        return onBoard && card.attacks === 0;
      case 'exhausted':
        return onBoard && card.attacks > 0;
      case 'token':
        return def.token;
      case 'enteredThisTurn':
        return card.enteredTurn === ctx.state.turn;
      case 'active':
        return onBoard && ctx.state.battler?.active[card.controller] === id;
      case 'benched':
        return onBoard && ctx.state.battler?.active[card.controller] !== id;
    }
  }
  const [stat, op, value] = node.cmp;
  const stats = onBoard ? ctx.stats(id) : null;
  const actual = stats
    ? stats[stat]
    : stat === 'cost'
      ? def.cost
      : stat === 'damage'
        ? 0
        : stat === 'attack'
          ? (def.stats?.attack ?? 0)
          : (def.stats?.health ?? 0);
  return compare(actual, op, value);
}

function heroMatches(
  ctx: EvalContext,
  seat: Seat,
  node: Exclude<
    SelectorNode,
    { and: unknown } | { or: unknown } | { not: unknown } | { ref: string }
  >,
): boolean {
  const player = ctx.state.players[seat]!;
  if ('type' in node) return node.type === 'hero';
  if ('side' in node) return (seat === ctx.controller) === (node.side === 'friendly');
  if ('state' in node)
    return node.state === 'damaged'
      ? player.life < ctx.content.ruleset.players.maxLife
      : node.state === 'undamaged' && player.life >= ctx.content.ruleset.players.maxLife;
  if ('cmp' in node)
    return node.cmp[0] === 'health' && compare(player.life, node.cmp[1], node.cmp[2]);
  return false;
}

/**
 * Resolves a target that needs no player: a selector (all matches) or an engine pick
 * (random, first, highest/lowest). `random` draws from `rng`.
 */
export function resolveAutomaticTarget(
  ctx: EvalContext,
  target: Target,
  randomIndex: (n: number) => number,
): ObjectId[] {
  if (typeof target === 'string') return select(ctx, target);
  const candidates = select(ctx, target.from);
  if (target.pick === 'first') return candidates.slice(0, target.count);
  if (target.pick === 'random') {
    const pool = [...candidates];
    const out: ObjectId[] = [];
    while (out.length < target.count && pool.length > 0)
      out.push(pool.splice(randomIndex(pool.length), 1)[0]!);
    return out;
  }
  const [direction, stat] = target.pick.split(':') as ['highest' | 'lowest', StatName];
  const valueOf = (id: ObjectId) => {
    const seat = heroSeat(id);
    if (seat !== null) return stat === 'health' ? ctx.state.players[seat]!.life : 0;
    if (ctx.state.cards[id]!.zone === 'board') return ctx.stats(id)[stat];
    const def = cardOf(ctx.content, ctx.state.cards[id]!.defId);
    return stat === 'cost'
      ? def.cost
      : stat === 'attack'
        ? (def.stats?.attack ?? 0)
        : stat === 'damage'
          ? 0
          : (def.stats?.health ?? 0);
  };
  // A stable sort keeps canonical order among equals.
  const sorted = [...candidates].sort((a, b) =>
    direction === 'highest' ? valueOf(b) - valueOf(a) : valueOf(a) - valueOf(b),
  );
  return sorted.slice(0, target.count);
}
