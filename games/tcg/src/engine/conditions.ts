import type { Condition, PlayerRef, Value } from '../content/ast.ts';
import { cardOf } from '../content/content.ts';
import { compare } from './compare.ts';
import type { EvalContext } from './eval-context.ts';
import { select } from './select.ts';
import { energyTypes } from './battler/rules.ts';
import { heroSeat, opponentOf } from './state.ts';
import type { Seat } from '@cardtable/engine';

export function playerOf(ctx: EvalContext, ref: PlayerRef): Seat {
  switch (ref) {
    case '$controller':
      return ctx.controller;
    case '$opponent':
      return opponentOf(ctx.controller);
    case '$active':
      return ctx.state.active;
    case '$event.player':
      return ctx.event?.player ?? ctx.controller;
  }
}

const MAX_DEPTH = 16;

/** Integer arithmetic; division floors and division by zero gives zero. */
export function evaluate(ctx: EvalContext, value: Value, depth = 0): number {
  if (typeof value === 'number') return value;
  if (depth > MAX_DEPTH) return 0;
  if ('count' in value) return select(ctx, value.count).length;
  if ('stat' in value) {
    const [first] = select(ctx, value.stat[0]);
    if (first === undefined) return 0;
    const seat = heroSeat(first);
    if (seat !== null) return value.stat[1] === 'health' ? ctx.state.players[seat]!.life : 0;
    const card = ctx.state.cards[first]!;
    if (card.zone === 'board') return ctx.stats(first)[value.stat[1]];
    const def = cardOf(ctx.content, card.defId);
    return value.stat[1] === 'cost'
      ? def.cost
      : value.stat[1] === 'attack'
        ? (def.stats?.attack ?? 0)
        : (def.stats?.health ?? 0);
  }
  if ('life' in value) return ctx.state.players[playerOf(ctx, value.life)]!.life;
  if ('resource' in value)
    return ctx.state.players[playerOf(ctx, value.resource)]!.resource.current;
  if ('handSize' in value)
    return ctx.state.players[playerOf(ctx, value.handSize)]!.zones.hand?.length ?? 0;
  if ('deckSize' in value)
    return ctx.state.players[playerOf(ctx, value.deckSize)]!.zones.deck?.length ?? 0;
  if ('event' in value) return ctx.event?.amount ?? 0;
  if ('turnNumber' in value) return ctx.state.turn;
  if ('heads' in value) return ctx.heads ?? 0;
  if ('zoneSize' in value)
    return (
      ctx.state.players[playerOf(ctx, value.zoneSize[0])]!.zones[value.zoneSize[1]]?.length ?? 0
    );
  if ('energy' in value) {
    const [first] = select(ctx, value.energy[0]);
    if (first === undefined || heroSeat(first) !== null) return 0;
    const types = energyTypes(ctx.state, ctx.content, first);
    return value.energy[1] === null
      ? types.length
      : types.filter((t) => t === value.energy[1]).length;
  }
  if ('add' in value)
    return value.add.reduce<number>((sum, v) => sum + evaluate(ctx, v, depth + 1), 0);
  if ('sub' in value)
    return evaluate(ctx, value.sub[0], depth + 1) - evaluate(ctx, value.sub[1], depth + 1);
  if ('mul' in value)
    return value.mul.reduce<number>((product, v) => product * evaluate(ctx, v, depth + 1), 1);
  if ('div' in value) {
    const divisor = evaluate(ctx, value.div[1], depth + 1);
    return divisor === 0 ? 0 : Math.floor(evaluate(ctx, value.div[0], depth + 1) / divisor);
  }
  if ('min' in value) return Math.min(...value.min.map((v) => evaluate(ctx, v, depth + 1)));
  return Math.max(...value.max.map((v) => evaluate(ctx, v, depth + 1)));
}

/** An amount for an effect: never negative. */
export const amountOf = (ctx: EvalContext, value: Value) => Math.max(0, evaluate(ctx, value));

export function conditionHolds(ctx: EvalContext, condition: Condition, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if ('all' in condition) return condition.all.every((c) => conditionHolds(ctx, c, depth + 1));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(ctx, c, depth + 1));
  if ('not' in condition) return !conditionHolds(ctx, condition.not, depth + 1);
  if ('exists' in condition) return select(ctx, condition.exists).length > 0;
  if ('count' in condition)
    return compare(
      select(ctx, condition.count).length,
      condition.op,
      evaluate(ctx, condition.value),
    );
  if ('cmp' in condition)
    return compare(
      evaluate(ctx, condition.cmp[0]),
      condition.cmp[1],
      evaluate(ctx, condition.cmp[2]),
    );
  if ('turn' in condition)
    return (ctx.state.active === ctx.controller) === (condition.turn === 'friendly');
  const seat = condition.whose === 'friendly' ? ctx.controller : opponentOf(ctx.controller);
  return compare(
    ctx.state.history[condition.history][seat]!,
    condition.op,
    evaluate(ctx, condition.value),
  );
}
