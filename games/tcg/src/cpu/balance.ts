import { applyAction, createRng, startMatch, type Seat } from '@cardtable/engine';
import type { ScriptFailure } from '../engine/events.ts';
import type { TcgGame } from '../engine/game.ts';
import { cpuView } from '../engine/view.ts';
import {
  RANDOM_PLAYER,
  balancePlanProblem,
  scheduleMatches,
  type BalancePlan,
  type MatchRecord,
  type ScheduledMatch,
} from './balance-plan.ts';
import { balanceReport, type BalanceReport } from './balance-report.ts';

const DEFAULT_MAX_ACTIONS = 5000;

/** Events that put a card from hand into play (battlers also evolve and attach). */
const PLAYS = new Set(['cardPlayed', 'creatureEvolved', 'toolAttached', 'energyAttached']);

/** A battler's setup and stadiums enter play by a move from hand. */
const isSetupOrStadium = (data: unknown) => {
  const reason = (data as { reason: string }).reason;
  return reason === 'setup' || reason === 'played';
};

/** Plays one scheduled match to its end with CPUs at both seats; never throws. */
export function playBalanceMatch(
  game: TcgGame,
  plan: Pick<BalancePlan, 'ruleset' | 'seed' | 'maxActions'>,
  scheduled: ScheduledMatch,
): MatchRecord {
  const { index, decks, profiles } = scheduled;
  const record: MatchRecord = {
    index,
    decks,
    outcome: null,
    firstSeat: null,
    turns: 0,
    actions: 0,
    played: [[], []],
    scriptFailures: [],
    error: null,
  };
  const maxActions = plan.maxActions ?? DEFAULT_MAX_ACTIONS;
  try {
    const cpu = game.cpu;
    if (!cpu) throw new Error('This game has no CPU players.');
    const parsed = game.parseOptions({ ruleset: plan.ruleset, decks }, 2);
    if (!parsed.ok) throw new Error(parsed.error.message);
    let { match } = startMatch(game, {
      options: parsed.value,
      seats: profiles.map((profile) => ({ kind: 'cpu' as const, profile })),
      seed: `${plan.seed}:${index}`,
    });
    const played = [new Set<string>(), new Set<string>()];
    let n = 0;
    for (; n < maxActions && !game.outcome(match.state); n++) {
      const seat = game.activeSeats(match.state)[0]!;
      const legal = game.legalActions(match.state, seat);
      const rng = createRng(plan.seed, index, n);
      // A forced move (half the demo's): the CPU takes it without a look or a draw from `rng`,
      // so no view of the seat is built for it.
      const action =
        profiles[seat] === RANDOM_PLAYER
          ? legal[rng.int(0, legal.length - 1)]!
          : legal.length === 1
            ? legal[0]!
            : cpu.choose({
                view: cpuView(match.state, game.contentOf(match.state), seat),
                legal,
                seat,
                profile: profiles[seat]!,
                rng,
              });
      const applied = applyAction(game, match, seat, action, `a${n}`);
      if (!applied.ok)
        throw new Error(`a CPU move was refused (${applied.error.code}: ${applied.error.message})`);
      for (const step of applied.value.resolution.steps)
        if (PLAYS.has(step.type)) {
          const data = step.data as { player: Seat; defId: string };
          played[data.player]!.add(data.defId);
        } else if (step.type === 'cardMoved' && isSetupOrStadium(step.data)) {
          const data = step.data as { to: { player: Seat }; defId: string };
          played[data.to.player]!.add(data.defId);
        } else if (step.type === 'scriptFailed') {
          record.scriptFailures.push(step.data as ScriptFailure);
        }
      match = applied.value.match;
    }
    const outcome = game.outcome(match.state);
    if (!outcome) throw new Error(`the match did not end within ${maxActions} actions`);
    record.outcome = {
      winners: outcome.winners,
      tie: outcome.tie,
      reason: outcome.reason ?? 'unknown',
      ...(outcome.reasonText === undefined ? {} : { text: outcome.reasonText }),
    };
    record.firstSeat = match.state.firstPlayer;
    record.turns = match.state.turn;
    record.actions = n;
    record.played = [[...played[0]!].sort(), [...played[1]!].sort()];
  } catch (error) {
    record.error = (error as Error).message;
  }
  return record;
}

/**
 * Plays a whole plan on this thread and reports on it: what a caller without worker threads
 * (the server, tests) uses. `cardtable simulate tcg` plays the same matches on worker threads
 * and gets the same report.
 */
export function simulateBalance(
  game: TcgGame,
  plan: BalancePlan,
  onMatch?: (done: number) => void,
): BalanceReport {
  const content = game.registry.find(plan.ruleset);
  if (!content) throw new Error(`No ruleset "${plan.ruleset}".`);
  const problem = balancePlanProblem(content, plan);
  if (problem) throw new Error(problem);
  const records = scheduleMatches(plan).map((match, i) => {
    const record = playBalanceMatch(game, plan, match);
    onMatch?.(i + 1);
    return record;
  });
  return balanceReport(content, plan, records);
}
