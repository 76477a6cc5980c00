import type { Seat } from '@cardtable/engine';
import { cardOf, cardTypeOf, type Content } from '../content/content.ts';
import type { TcgAction } from './actions.ts';
import { attackerProblem, attackTargets } from './combat.ts';
import { boardWouldOverflow, playTargets } from './stack.ts';
import type { TcgState } from './state.ts';
import { combinations, targetCombinations } from './combinations.ts';
import { activations } from './activate.ts';
import { battlerActions, toolAttaches } from './battler/legal-moves.ts';
import { battlerPlayProblem } from './battler/play-rules.ts';
import { setupActions } from './battler/setup.ts';
import { nextMainPhase } from './phases.ts';

export { combinations, MAX_COMBINATIONS } from './combinations.ts';

/** Seats that may act now: the decider, the priority holder, mulliganing seats, or the active player. */
export function activeSeats(state: TcgState): Seat[] {
  if (state.outcome) return [];
  if (state.pending) return [state.pending.decision.player];
  if (state.status === 'mulligan') return [...state.mulligan];
  if (state.priority) return [state.priority.holder];
  return state.status === 'playing' ? [state.active] : [];
}

/** Every legal action of a seat (concede and timeout aside), in a stable order. */
export function legalActions(state: TcgState, content: Content, seat: Seat): TcgAction[] {
  if (!activeSeats(state).includes(seat)) return [];
  if (state.pending) {
    const { decision } = state.pending;
    return combinations(decision.candidates, decision.min, decision.max).map((picks) => ({
      type: 'answer',
      payload: { decision: decision.id, picks },
    }));
  }
  const hand = state.players[seat]!.zones.hand ?? [];
  if (state.status === 'mulligan' && content.ruleset.battler)
    return setupActions(state, content, seat);
  if (state.status === 'mulligan')
    return combinations(hand, 0, hand.length).map((replace) => ({
      type: 'mulligan',
      payload: { replace },
    }));
  if (state.priority) return [{ type: 'pass', payload: {} }, ...plays(state, content, seat, true)];
  const phase = content.ruleset.turn.phases[state.phase];
  if (phase?.kind !== 'main') return [];
  const actions: TcgAction[] = [];
  if (phase.actions.includes('play')) actions.push(...plays(state, content, seat, false));
  if (phase.actions.includes('attach')) actions.push(...attaches(state, content, seat));
  if (phase.actions.includes('activate')) actions.push(...activations(state, content, seat));
  if (content.ruleset.battler) actions.push(...battlerActions(state, content, seat, phase.actions));
  else if (phase.actions.includes('attack'))
    for (const attacker of state.players[seat]!.zones.board ?? [])
      if (attackerProblem(state, content, seat, attacker) === null)
        for (const target of attackTargets(state, content, seat))
          actions.push({ type: 'attack', payload: { attacker, target } });
  if (nextMainPhase(content.ruleset.turn.phases, state.phase) !== null)
    actions.push({ type: 'nextPhase', payload: {} });
  actions.push({ type: 'endTurn', payload: {} });
  return actions;
}

function plays(state: TcgState, content: Content, seat: Seat, inWindow: boolean): TcgAction[] {
  const actions: TcgAction[] = [];
  const { current } = state.players[seat]!.resource;
  const pool = content.ruleset.resources.model === 'pool';
  const r = { state, content };
  for (const card of state.players[seat]!.zones.hand ?? []) {
    const def = cardOf(content, state.cards[card]!.defId);
    const kind = cardTypeOf(content, def).kind;
    if (kind === 'energy' || (pool && def.cost > current) || (inWindow && def.speed !== 'instant'))
      continue;
    if (kind === 'unit' && boardWouldOverflow(r, seat)) continue;
    if (kind === 'tool' || battlerPlayProblem(state, content, seat, def) !== null) continue;
    const specs = playTargets(state, content, seat, def);
    if (specs.some((s) => s.candidates.length === 0)) continue;
    for (const targets of targetCombinations(specs))
      actions.push({ type: 'play', payload: specs.length ? { card, targets } : { card } });
  }
  return actions;
}

function attaches(state: TcgState, content: Content, seat: Seat): TcgAction[] {
  const tools = content.ruleset.battler ? toolAttaches(state, content, seat) : [];
  if (state.players[seat]!.resource.current <= 0) return tools;
  const hand = state.players[seat]!.zones.hand ?? [];
  // One card of each kind of energy: copies are interchangeable.
  const seen = new Set<string>();
  const energy = hand.filter(
    (h) =>
      isEnergy(state, content, h) &&
      !seen.has(state.cards[h]!.defId) &&
      seen.add(state.cards[h]!.defId),
  );
  const units = state.players[seat]!.zones.board ?? [];
  return [
    ...energy.flatMap((card) =>
      units.map((unit) => ({ type: 'attach' as const, payload: { card, unit } })),
    ),
    ...tools,
  ];
}

const isEnergy = (state: TcgState, content: Content, handle: string) =>
  cardTypeOf(content, cardOf(content, state.cards[handle]!.defId)).kind === 'energy';
