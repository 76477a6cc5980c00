import type { Seat } from '@cardtable/engine';
import type { Condition } from '../content/ast.ts';
import type { Content } from '../content/content.ts';
import { evaluate } from '../engine/conditions.ts';
import { select } from '../engine/select.ts';
import type { TcgState } from '../engine/state.ts';
import { evalContext } from '../engine/stats.ts';

/** What the whole way to a counted win is worth: somewhat less than a healthy hero's life (more made Hollowmere's CPU build totems rather than use its Lantern Keepers). */
const RACE_WEIGHT = 20;

/**
 * How far `seat` is along the ruleset's counted win rules ("eight cards on your road": `{count,
 * op: ">=", value}` with `result: "win"`), as a score. Without it the CPU scores only life and
 * board, so it never races a game that is won by counting (it played such a deck as if its
 * win rule were not there). Progress is squared: the last steps of a race are worth the most.
 */
export function raceProgress(state: TcgState, content: Content, seat: Seat): number {
  let score = 0;
  for (const rule of content.ruleset.win) {
    if (rule.result !== 'win' || typeof rule.check === 'string') continue;
    const race = countedRace(rule.check);
    if (!race) continue;
    const ctx = evalContext({
      state,
      content,
      controller: seat,
      self: null,
      bindings: {},
      event: null,
    });
    const goal = evaluate(ctx, race.value) + (race.op === '>' ? 1 : 0);
    if (goal <= 0) continue;
    const progress = Math.min(select(ctx, race.count).length / goal, 1);
    score += RACE_WEIGHT * progress * progress;
  }
  return score;
}

/** A win rule that counts up to a goal: `{count, op: ">=" | ">", value}`. */
function countedRace(check: Condition): Extract<Condition, { count: string; op: unknown }> | null {
  return 'count' in check && (check.op === '>=' || check.op === '>') ? check : null;
}
