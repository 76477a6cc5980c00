import { fail, ok, type DecideContext, type Result, type Seat } from '@cardtable/engine';
import { cardOf, cardTypeOf, type Content } from '../content/content.ts';
import type { TcgAction } from './actions.ts';
import { applyBlock, attackerProblem, attackTargets } from './combat.ts';
import { answerProblem } from './decisions.ts';
import type { TcgEvent } from './events.ts';
import { applyAnswer } from './frames.ts';
import { Draft } from './draft.ts';
import { Runner } from './runner.ts';
import type { ScriptHost } from './scripts.ts';
import {
  addStackItem,
  boardWouldOverflow,
  checkChosen,
  passPriority,
  playCard,
  playTargets,
} from './stack.ts';
import { activate } from './activate.ts';
import { phaseTitle } from './phases.ts';
import { article, capital, pluralNoun } from '../content/words.ts';
import type { Ruleset } from '../content/ast.ts';
import { opponentOf, resumable, type TcgState } from './state.ts';
import { raise } from './triggers.ts';
import { runWork } from './work.ts';
import { drawCard, moveCard } from './zones.ts';
import { attachTool, countPlay, evolve, playStadium, retreat, useAttack } from './battler/moves.ts';
import { battlerPlayProblem } from './battler/play-rules.ts';
import { chooseSetup, defaultSetup } from './battler/setup.ts';

const reject = (code: string, message: string) => fail(code, message);

/**
 * Validates an action and runs it, with the state after its events (the runner folds them as
 * it emits them); a rejected action changes nothing.
 */
export function decide(
  state: TcgState,
  content: Content,
  scripts: ScriptHost | null,
  seat: Seat,
  action: TcgAction,
  ctx: DecideContext,
): Result<{ events: TcgEvent[]; state: TcgState }> {
  const r = new Runner(state, content, ctx, scripts);
  return perform(r, seat, action) ?? ok({ events: r.events, state: r.state });
}

/**
 * Commands run one after another on a line of states only it holds (a CPU playout): a command
 * on the state the line last returned continues that command's copy-on-write draft, so what it
 * copied is not copied again. The state a line starts from is never changed, unless the line is
 * given its cards record (`owned`); a state it returned is given up once the next command runs
 * on it, except that a rejected command changes nothing (it emits no event), so the state it
 * was given stays whole.
 */
export class CommandLine {
  private last: { state: TcgState; draft: Draft } | null;

  /**
   * `owned`: a state whose cards record the line may write in place, nobody else holding it
   * (a CPU guess after its last playout has begun): the first command does not copy it.
   */
  constructor(
    private readonly content: Content,
    private readonly scripts: ScriptHost | null,
    owned: TcgState | null = null,
  ) {
    this.last = owned ? { state: owned, draft: Draft.owningCards(owned) } : null;
  }

  decide(state: TcgState, seat: Seat, action: TcgAction, ctx: DecideContext): Result<TcgState> {
    const previous = this.last?.state === state ? this.last.draft : null;
    const r = new Runner(state, this.content, ctx, this.scripts, previous);
    const problem = perform(r, seat, action);
    if (problem) return problem;
    this.last = { state: r.state, draft: r.draft };
    return ok(r.state);
  }
}

type Problem = ReturnType<typeof reject> | null;

function perform(r: Runner, seat: Seat, action: TcgAction): Problem {
  const { state } = r;
  if (action.type === 'concede') {
    r.emit({ type: 'playerLost', data: { player: seat, reason: 'conceded' } });
    runWork(r);
    return null;
  }
  if (action.type === 'timeout') return timeout(r, seat);
  if (state.pending) {
    if (action.type !== 'answer')
      return reject('DECISION_PENDING', 'Answer the pending decision first.');
    return answer(r, seat, action.payload.decision, action.payload.picks, false);
  }
  if (state.status === 'mulligan' && r.content.ruleset.battler) {
    if (action.type !== 'setup')
      return reject(
        'MULLIGAN_PENDING',
        `Set up your ${pluralNoun(r.content.ruleset.vocabulary.unit)} first.`,
      );
    return done(r, chooseSetup(r, seat, action.payload.active, action.payload.bench));
  }
  if (state.status === 'mulligan') {
    if (action.type !== 'mulligan')
      return reject('MULLIGAN_PENDING', 'Choose the cards to replace first.');
    return mulligan(r, seat, action.payload.replace);
  }
  if (state.priority) {
    if (state.priority.holder !== seat)
      return reject('NOT_YOUR_PRIORITY', 'The other player holds priority.');
    if (action.type === 'pass') {
      passPriority(r, seat);
      runWork(r);
      return null;
    }
    if (action.type === 'play')
      return play(r, seat, action.payload.card, action.payload.targets ?? {}, true);
    return reject(
      'ILLEGAL_ACTION',
      'While a priority window is open you may play an instant or pass.',
    );
  }
  if (state.active !== seat) return reject('NOT_YOUR_TURN', 'It is not your turn.');
  const phase = r.content.ruleset.turn.phases[state.phase];
  if (phase?.kind !== 'main') return reject('ILLEGAL_ACTION', 'Nothing can be done in this phase.');
  switch (action.type) {
    case 'play':
      if (!phase.actions.includes('play'))
        return reject(
          'ILLEGAL_ACTION',
          `Cards cannot be played in the ${phaseTitle(phase)} phase.`,
        );
      return play(r, seat, action.payload.card, action.payload.targets ?? {}, false);
    case 'attack':
      if (!phase.actions.includes('attack'))
        return reject('ILLEGAL_ACTION', `There are no attacks in the ${phaseTitle(phase)} phase.`);
      return attack(r, seat, action.payload.attacker, action.payload.target);
    case 'activate':
      if (!phase.actions.includes('activate'))
        return reject(
          'ILLEGAL_ACTION',
          `No ability can be activated in the ${phaseTitle(phase)} phase.`,
        );
      return activate(r, seat, action.payload);
    case 'attach':
      if (!phase.actions.includes('attach'))
        return reject(
          'ILLEGAL_ACTION',
          `${capital(r.content.ruleset.resources.name)} cannot be attached in the ${phaseTitle(phase)} phase.`,
        );
      return attach(r, seat, action.payload.card, action.payload.unit);
    case 'useAttack':
      if (!phase.actions.includes('attack'))
        return reject('ILLEGAL_ACTION', `There are no attacks in the ${phaseTitle(phase)} phase.`);
      return done(r, useAttack(r, seat, action.payload.attack));
    case 'retreat':
      if (!phase.actions.includes('retreat'))
        return reject('ILLEGAL_ACTION', `There is no retreat in the ${phaseTitle(phase)} phase.`);
      return done(r, retreat(r, seat, action.payload.to));
    case 'evolve':
      if (!phase.actions.includes('evolve'))
        return reject('ILLEGAL_ACTION', `Nothing evolves in the ${phaseTitle(phase)} phase.`);
      return done(r, evolve(r, seat, action.payload.card, action.payload.unit));
    case 'nextPhase':
    case 'endTurn':
      if (state.players[seat]!.strikes > 0)
        r.emit({ type: 'strikesCleared', data: { player: seat } });
      r.work.push({ kind: 'advance', endTurn: action.type === 'endTurn', step: null });
      runWork(r);
      return null;
    default:
      return reject('ILLEGAL_ACTION', `"${action.type}" is not possible now.`);
  }
}

/** Runs the work after a battler action, unless it was rejected. */
function done(r: Runner, problem: Problem): Problem {
  if (problem) return problem;
  runWork(r);
  return null;
}

function play(
  r: Runner,
  seat: Seat,
  hand: string,
  targets: Record<string, string[]>,
  inWindow: boolean,
): Problem {
  const { state, content } = r;
  const card = state.cards[hand];
  if (!card || card.zone !== 'hand' || card.controller !== seat)
    return reject('UNKNOWN_CARD', 'That card is not in your hand.');
  const def = cardOf(content, card.defId);
  const kind = cardTypeOf(content, def).kind;
  if (kind === 'energy')
    return reject(
      'ILLEGAL_ACTION',
      `${def.name} is attached to ${article(content.ruleset.vocabulary.unit)}, not played.`,
    );
  if (inWindow && def.speed !== 'instant')
    return reject('NOT_INSTANT', 'Only instants can be played in a priority window.');
  const pool = content.ruleset.resources.model === 'pool';
  if (pool && state.players[seat]!.resource.current < def.cost)
    return reject(
      'NOT_ENOUGH_RESOURCE',
      `${def.name} costs ${def.cost} ${content.ruleset.resources.name}.`,
    );
  const battlerProblem = battlerPlayProblem(state, content, seat, def);
  if (battlerProblem) return reject('ILLEGAL_ACTION', battlerProblem);
  if (kind === 'unit' && boardWouldOverflow(r, seat))
    return reject(
      'BOARD_FULL',
      `There is no room for another ${content.ruleset.vocabulary.unit} on your board.`,
    );
  if (kind === 'stadium') {
    playStadium(r, seat, hand);
    runWork(r);
    return null;
  }
  const chosen = checkChosen(playTargets(state, content, seat, def), targets, def.name);
  if (!chosen.ok) return reject(chosen.code, chosen.message);
  if (pool && def.cost > 0) {
    const { current, max } = state.players[seat]!.resource;
    r.emit({ type: 'resourceChanged', data: { player: seat, current: current - def.cost, max } });
  }
  if (content.ruleset.battler) countPlay(r, seat, card.defId);
  playCard(r, seat, hand, chosen.bound);
  runWork(r);
  return null;
}

function attack(r: Runner, seat: Seat, attacker: string, target: string): Problem {
  const problem = attackerProblem(r.state, r.content, seat, attacker);
  if (problem) return reject('CANNOT_ATTACK', problem);
  if (!attackTargets(r.state, r.content, seat).includes(target))
    return reject('INVALID_TARGET', unattackableWords(r.content.ruleset));
  r.emit({ type: 'attackDeclared', data: { attacker, target } });
  raise(r, { on: 'attacks', subject: attacker, player: seat });
  raise(r, { on: 'attacked', subject: target, source: attacker, player: opponentOf(seat) });
  const { stack } = r.content.ruleset;
  if (stack.mode === 'responses' && stack.windows.includes('afterAttackDeclared'))
    addStackItem(r, { id: r.state.seq + 1, kind: 'attack', controller: seat, attacker, target });
  else r.work.push({ kind: 'combat', stage: 'block', attacker, target, awaiting: false });
  runWork(r);
  return null;
}

function attach(r: Runner, seat: Seat, hand: string, unit: string): Problem {
  const { state, content } = r;
  const card = state.cards[hand];
  if (!card || card.zone !== 'hand' || card.controller !== seat)
    return reject('UNKNOWN_CARD', 'That card is not in your hand.');
  const kind = cardTypeOf(content, cardOf(content, card.defId)).kind;
  if (kind === 'tool' && content.ruleset.battler) return done(r, attachTool(r, seat, hand, unit));
  const { resources, vocabulary } = content.ruleset;
  if (kind !== 'energy') return reject('ILLEGAL_ACTION', `Only ${resources.name} can be attached.`);
  const target = state.cards[unit];
  if (!target || target.zone !== 'board' || target.controller !== seat)
    return reject(
      'INVALID_TARGET',
      `Attach ${resources.name} to ${article(vocabulary.unit)} of yours on the board.`,
    );
  const { current, max } = state.players[seat]!.resource;
  if (current <= 0)
    return reject('ATTACH_LIMIT', `You have attached all the ${resources.name} you may this turn.`);
  r.emit({
    type: 'energyAttached',
    data: { player: seat, card: hand, handle: r.newHandle(), defId: card.defId, unit },
  });
  r.emit({ type: 'resourceChanged', data: { player: seat, current: current - 1, max } });
  runWork(r);
  return null;
}

function answer(r: Runner, seat: Seat, id: string, picks: string[], byTimeout: boolean): Problem {
  const pending = r.state.pending!;
  const { decision } = pending;
  if (decision.player !== seat) return reject('NOT_YOUR_DECISION', 'The other player is deciding.');
  if (decision.id !== id) return reject('STALE_DECISION', 'That decision is no longer pending.');
  const problem = answerProblem(decision, picks);
  if (problem) return reject('INVALID_ANSWER', problem);
  const { work, queue, batch } = resumable(pending.continuation);
  r.emit({ type: 'decisionResolved', data: { id, player: seat, picks, byTimeout } });
  r.work = work;
  r.queue = queue;
  r.batch = batch;
  const task = r.work.at(-1)!;
  if (task.kind === 'combat') applyBlock(r, task, picks);
  else if (task.kind === 'promote') task.picks = picks;
  else if (task.kind === 'ability' && task.frame.awaiting)
    applyAnswer(task.frame, task.frame.awaiting, picks);
  runWork(r, true);
  return null;
}

function mulligan(r: Runner, seat: Seat, replace: string[]): Problem {
  if (!r.state.mulligan.includes(seat))
    return reject('ALREADY_DONE', 'You have already kept your hand.');
  const hand = r.state.players[seat]!.zones.hand ?? [];
  if (new Set(replace).size !== replace.length || replace.some((h) => !hand.includes(h)))
    return reject('INVALID_PAYLOAD', 'Replace only cards in your hand, each once.');
  for (const handle of replace) moveCard(r, handle, { player: seat, zone: 'deck' }, 0, 'mulligan');
  if (replace.length) {
    const deck = r.state.players[seat]!.zones.deck ?? [];
    r.emit({
      type: 'deckShuffled',
      data: { player: seat, zone: 'deck', count: deck.length, order: r.shuffle(deck) },
    });
    for (let i = 0; i < replace.length; i++) drawCard(r, seat);
  }
  r.emit({ type: 'mulliganDone', data: { player: seat, replaced: replace.length } });
  if (r.state.mulligan.length === 0) {
    r.work.push({ kind: 'advance', endTurn: true, step: null });
    runWork(r);
  }
  return null;
}

/** The clock ran out: the pending choice takes its default, a window passes, a turn ends. */
function timeout(r: Runner, seat: Seat): Problem {
  const { state } = r;
  if (state.pending?.decision.player === seat)
    return answer(r, seat, state.pending.decision.id, state.pending.decision.defaultPicks, true);
  if (state.status === 'mulligan' && r.content.ruleset.battler) {
    const { active, bench } = defaultSetup(state, r.content, seat);
    return done(r, chooseSetup(r, seat, active, bench));
  }
  if (state.status === 'mulligan') return mulligan(r, seat, []);
  if (state.priority?.holder === seat) {
    passPriority(r, seat);
    runWork(r);
    return null;
  }
  if (state.active !== seat) return reject('NOT_YOUR_TURN', 'It is not your turn.');
  const strikes = state.players[seat]!.strikes + 1;
  r.emit({ type: 'timedOut', data: { player: seat, strikes } });
  if (strikes >= r.content.ruleset.clock.timeoutStrikes)
    r.emit({ type: 'playerLost', data: { player: seat, reason: 'timeouts' } });
  else r.work.push({ kind: 'advance', endTurn: true, step: null });
  runWork(r);
  return null;
}

/** Why a target cannot be attacked, naming the ruleset's guard keyword when it has one. */
function unattackableWords(ruleset: Ruleset): string {
  const guard = Object.values(ruleset.keywords).find((k) => k.builtin === 'guard');
  return guard
    ? `That cannot be attacked now (${article(ruleset.vocabulary.unit)} with ${guard.name} may be in the way).`
    : 'That cannot be attacked now.';
}
