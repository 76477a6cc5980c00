import type { Seat } from '@cardtable/engine';
import type { CompareOp, Condition, Value } from '../content/ast.ts';
import type { Content } from '../content/content.ts';
import { evaluate } from '../engine/conditions.ts';
import type { EvalContext } from '../engine/eval-context.ts';
import { opponentOf, type TcgState } from '../engine/state.ts';
import { evalContext } from '../engine/stats.ts';

/** What the whole way to a counted win is worth: somewhat less than a healthy hero's life (more made Hollowmere's CPU build totems rather than use its Lantern Keepers). */
const RACE_WEIGHT = 20;

/**
 * How far `seat` is along the ruleset's win rules (`result: "win"` with a condition), as a
 * score. Without it the CPU scores only life and board, so it never races a game that is won
 * otherwise (it played such a deck as if its win rule were not there). Progress is squared:
 * the last steps of a race are worth the most. The rules it understands are in `progressOf`.
 */
export function raceProgress(state: TcgState, content: Content, seat: Seat): number {
  let score = 0;
  for (const rule of content.ruleset.win) {
    if (rule.result !== 'win' || typeof rule.check === 'string') continue;
    const ctx = evalContext({
      state,
      content,
      controller: seat,
      self: null,
      bindings: {},
      event: null,
    });
    const progress = progressOf(ctx, rule.check);
    if (progress === null) continue;
    score += RACE_WEIGHT * progress * progress;
  }
  return score;
}

/**
 * How far along a win condition is, from 0 to 1, or null for one it cannot measure (it is then
 * not scored):
 * - a count up to a goal, `{count, op: ">=" | ">", value}`, is the share of the goal reached
 *   ("eight cards on your road": 4 of 8 is halfway);
 * - a measure compared with a goal, `{cmp: [measure, op, goal]}` (either way round), or a count
 *   down to one, `{count, op: "<=" | "<", value}`: rising to the goal as a count does; falling
 *   to it, the share of the way from where the measure starts (`startOf`) to the goal ("the
 *   rival's library lies empty", `{cmp: [{deckSize: "$opponent"}, "<=", 0]}`: 10 cards left of
 *   a 24-card deck is past halfway);
 * - equal to a goal (`=`): rising to it from below, falling to it from above, as those are;
 * - a turn's history (`{history, whose, op, value}`): its counter this turn, rising to the goal
 *   ("three enemy units died this turn": one down is a third of the way);
 * - `exists` is a count of at least one; `all` the mean of its parts, `any` the best of them;
 * - `not` is its rule turned round (`not {count, op: ">=", value: 3}` is a count below 3, `not
 *   all` any part failing), then measured as that.
 * Time (`{turn}`, or a comparison of the turn number with numbers) is not a way to a win: the
 * CPU cannot hasten it. Alone it is not scored; within `all` or `any` it is left out, so "at turn
 * 30, the player with more units wins" scores being ahead on units.
 * `!=` (true at every value but one) has no way to measure and is left out.
 */
function progressOf(ctx: EvalContext, check: Condition): number | null {
  if ('not' in check) return progressOf(ctx, negated(check.not));
  if ('count' in check) return compared(ctx, { count: check.count }, check.op, check.value);
  if ('cmp' in check) {
    if (isTime(check)) return null;
    const [left, op, right] = check.cmp;
    // A goal written first (`[0, ">=", {deckSize}]`) reads the other way round.
    return typeof left === 'number' && typeof right !== 'number'
      ? compared(ctx, right, FLIPPED[op], left)
      : compared(ctx, left, op, right);
  }
  if ('exists' in check) return compared(ctx, { count: check.exists }, '>=', 1);
  if ('history' in check) {
    const seat = check.whose === 'friendly' ? ctx.controller : opponentOf(ctx.controller);
    return compared(ctx, ctx.state.history[check.history][seat]!, check.op, check.value);
  }
  if ('all' in check || 'any' in check) {
    const parts = ('all' in check ? check.all : check.any)
      .filter((part) => !isTime(part))
      .map((part) => progressOf(ctx, part));
    if (parts.length === 0 || parts.some((part) => part === null)) return null;
    const known = parts as number[];
    return 'all' in check
      ? known.reduce((sum, part) => sum + part, 0) / known.length
      : Math.max(...known);
  }
  return null;
}

/** Whether a condition is only about time: whose turn it is, or the turn number. */
function isTime(check: Condition): boolean {
  if ('turn' in check) return true;
  if ('cmp' in check) return onlyTurns(check.cmp[0]) && onlyTurns(check.cmp[2]);
  if ('not' in check) return isTime(check.not);
  return false;
}

/** Whether a value is made of the turn number and numbers only. */
function onlyTurns(value: Value): boolean {
  if (typeof value === 'number' || 'turnNumber' in value) return true;
  const parts = ARITHMETIC.find((key) => key in value);
  return parts !== undefined && (value as Record<string, Value[]>)[parts]!.every(onlyTurns);
}

const ARITHMETIC = ['add', 'sub', 'mul', 'div', 'min', 'max'] as const;

/** A condition's opposite, written without `not` at its top. */
function negated(check: Condition): Condition {
  if ('not' in check) return check.not;
  if ('all' in check) return { any: check.all.map((part) => ({ not: part })) };
  if ('any' in check) return { all: check.any.map((part) => ({ not: part })) };
  if ('exists' in check) return { count: check.exists, op: '<', value: 1 };
  if ('count' in check || 'history' in check) return { ...check, op: OPPOSITE[check.op] };
  if ('cmp' in check) return { cmp: [check.cmp[0], OPPOSITE[check.cmp[1]], check.cmp[2]] };
  return { turn: check.turn === 'friendly' ? 'enemy' : 'friendly' };
}

/** The same comparison with its sides swapped. */
const FLIPPED: Readonly<Record<CompareOp, CompareOp>> = {
  '<': '>',
  '<=': '>=',
  '=': '=',
  '!=': '!=',
  '>=': '<=',
  '>': '<',
};

/** The comparison that holds exactly when this one does not. */
const OPPOSITE: Readonly<Record<CompareOp, CompareOp>> = {
  '<': '>=',
  '<=': '>',
  '=': '!=',
  '!=': '=',
  '>=': '<',
  '>': '<=',
};

/** How far `measure` is on its way to `op goal`. */
function compared(ctx: EvalContext, measure: Value, op: CompareOp, goal: Value): number | null {
  if (op === '=') {
    const [now, target] = [evaluate(ctx, measure), evaluate(ctx, goal)];
    return now === target ? 1 : compared(ctx, measure, now < target ? '>=' : '<=', goal);
  }
  if (op === '>=' || op === '>') {
    const target = evaluate(ctx, goal) + (op === '>' ? 1 : 0);
    if (target <= 0) return null;
    return Math.min(evaluate(ctx, measure) / target, 1);
  }
  if (op === '<=' || op === '<') {
    const start = startOf(ctx, measure);
    const target = evaluate(ctx, goal) - (op === '<' ? 1 : 0);
    if (start === null || start <= target) return null;
    const left = Math.max(evaluate(ctx, measure) - target, 0);
    return Math.max(1 - left / (start - target), 0);
  }
  return null;
}

/**
 * Where a measure that falls to a goal starts: a hero's life at the ruleset's starting life; a
 * deck, a zone or a count of cards at what a deck starts with (the ruleset's least deck size),
 * or at a zone's limit when it has a smaller one. Null for the others (resources, stats,
 * arithmetic): their start cannot be read from the rules.
 */
function startOf(ctx: EvalContext, measure: Value): number | null {
  if (typeof measure !== 'object') return null;
  const { ruleset } = ctx.content;
  const cards = ruleset.deck.minSize;
  if ('life' in measure) return ruleset.players.life;
  if ('deckSize' in measure || 'count' in measure) return cards;
  const zone = 'handSize' in measure ? 'hand' : 'zoneSize' in measure ? measure.zoneSize[1] : null;
  if (zone === null) return null;
  const limit = ruleset.zones.find((z) => z.id === zone)?.limit;
  return limit === undefined ? cards : Math.min(limit, cards);
}
