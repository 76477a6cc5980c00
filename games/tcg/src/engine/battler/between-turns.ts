import type { Seat } from '@cardtable/engine';
import { cardOf } from '../../content/content.ts';
import { dealDamage } from '../damage.ts';
import { pickOrAsk } from '../decisions.ts';
import type { Runner, StepResult } from '../runner.ts';
import { opponentOf, type Task } from '../state.ts';
import { moveCard } from '../zones.ts';
import { flipCoins, setActive } from './creatures.ts';
import { activeOf, battlerOf, benchOf } from './rules.ts';

type Promote = Extract<Task, { kind: 'promote' }>;

/**
 * Knock-outs, promotion and the checkup: the parts of a battler that happen between actions.
 */

/** The opponent of a knocked-out creature's controller takes its prize value from the top. */
export function takePrizes(r: Runner, knockedOutDefId: string, controller: Seat): void {
  const rules = battlerOf(r.content);
  if (!rules || r.state.status !== 'playing') return;
  const taker = opponentOf(controller);
  const count = cardOf(r.content, knockedOutDefId).prizeValue ?? 1;
  for (let i = 0; i < count; i++) {
    const top = r.state.players[taker]!.zones[rules.prizeZone]?.at(-1);
    if (!top) return;
    moveCard(r, top, { player: taker, zone: 'hand' }, -1, 'prize');
  }
}

/**
 * A player without an active creature but with a bench promotes one: at once when only one is
 * benched, otherwise as a `promote` decision (queued as a task so it runs between frames).
 */
export function schedulePromotions(r: Runner): void {
  if (!battlerOf(r.content) || r.state.status !== 'playing' || r.state.outcome) return;
  for (const seat of [r.state.active, opponentOf(r.state.active)]) {
    if (activeOf(r.state, seat) !== null) continue;
    if (r.work.some((t) => t.kind === 'promote' && t.player === seat)) continue;
    const bench = benchOf(r.state, seat);
    if (bench.length === 1) setActive(r, seat, bench[0]!, 'promoted');
    else if (bench.length > 1) r.work.push({ kind: 'promote', player: seat, picks: null });
  }
}

export function runPromote(r: Runner, task: Promote): StepResult {
  const bench = benchOf(r.state, task.player);
  if (activeOf(r.state, task.player) !== null || bench.length === 0) return 'done';
  const picks =
    task.picks ??
    pickOrAsk(r, {
      player: task.player,
      kind: 'promote',
      key: 'choose.promote',
      candidates: bench,
      min: 1,
      max: 1,
      frame: null,
    });
  if (picks === 'suspend') return 'suspend';
  const [next] = picks.filter((h) => bench.includes(h));
  setActive(r, task.player, next ?? bench[0]!, 'promoted');
  return 'done';
}

/**
 * The checkup between turns, for each active creature (the player whose turn ends first), its
 * conditions in ruleset order: those that wear off at the end of the controller's turn go,
 * checkup damage is dealt, and a flip (heads) removes those that flip to be removed.
 */
export function runCheckup(r: Runner): void {
  const rules = battlerOf(r.content);
  if (!rules) return;
  for (const seat of [r.state.active, opponentOf(r.state.active)]) {
    const unit = activeOf(r.state, seat);
    if (!unit) continue;
    for (const [id, def] of Object.entries(rules.conditions)) {
      if (!(r.state.cards[unit]?.conditions ?? []).includes(id)) continue;
      if (def.wearsOff === 'controllerTurnEnd' && seat === r.state.active) {
        r.emit({ type: 'conditionRemoved', data: { target: unit, condition: id } });
        continue;
      }
      if (def.checkup?.damage) dealDamage(r, null, unit, def.checkup.damage, false);
      if (def.checkup?.flipToRemove) {
        const [heads] = flipCoins(r, seat, unit, 1, `checkup:${id}`);
        if (heads) r.emit({ type: 'conditionRemoved', data: { target: unit, condition: id } });
      }
    }
  }
}
