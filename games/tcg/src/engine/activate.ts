import { fail, type Result, type Seat } from '@cardtable/engine';
import type { ActivatedAbility } from '../content/ast.ts';
import { cardOf, keywordWithBuiltin, type Content } from '../content/content.ts';
import { abilityEntries } from './abilities.ts';
import type { TcgAction } from './actions.ts';
import { targetCombinations } from './combinations.ts';
import { conditionHolds } from './conditions.ts';
import type { Runner } from './runner.ts';
import { checkChosen, targetChoices, type TargetChoice } from './stack.ts';
import { evalContext, hasKeyword, statsOf } from './stats.ts';
import type { AbilityRef, TcgState } from './state.ts';
import { runWork } from './work.ts';

interface Activatable {
  ref: AbilityRef;
  ability: ActivatedAbility;
}

/** A unit's activated abilities: its card's own, then those of its custom keywords. */
function activatedOf(state: TcgState, content: Content, unit: string): Activatable[] {
  const keywords = statsOf(state, content, unit).keywords;
  return abilityEntries(content, state.cards[unit]!.defId, keywords).flatMap(({ ref, ability }) =>
    ability.kind === 'activated' ? [{ ref, ability }] : [],
  );
}

type Refusal = { code: string; message: string };

/**
 * Why `seat` may not use `ability` of `unit` now (whose turn and phase aside), or its target
 * choices: a unit of theirs on the board, uses left this turn, the cost in the pool, ready
 * (and past summoning sickness) to exhaust, its condition, a legal target for each binding.
 */
function activationCheck(
  state: TcgState,
  content: Content,
  seat: Seat,
  unit: string,
  ability: ActivatedAbility,
): Refusal | TargetChoice[] {
  const card = state.cards[unit]!;
  const { resources, combat, vocabulary } = content.ruleset;
  const limit = ability.limit?.perTurn ?? 1;
  if ((state.abilityUses[`${unit}/${ability.id}`] ?? 0) >= limit)
    return refusal('ILLEGAL_ACTION', `That ability can be used ${timesWord(limit)} a turn.`);
  const cost = resources.model === 'pool' ? (ability.cost ?? 0) : 0;
  if (state.players[seat]!.resource.current < cost)
    return refusal('NOT_ENOUGH_RESOURCE', `That ability costs ${cost} ${resources.name}.`);
  if (ability.exhaust) {
    if (card.attacks > 0) return refusal('ILLEGAL_ACTION', `That ${vocabulary.unit} is exhausted.`);
    const haste = keywordWithBuiltin(content, 'haste');
    if (
      combat.summoningSickness &&
      card.enteredTurn === state.turn &&
      !hasKeyword(state, content, unit, haste)
    )
      return refusal('ILLEGAL_ACTION', `That ${vocabulary.unit} entered the board this turn.`);
  }
  const ctx = evalContext({
    state,
    content,
    controller: seat,
    self: unit,
    bindings: {},
    event: null,
  });
  if (ability.condition && !conditionHolds(ctx, ability.condition))
    return refusal('ILLEGAL_ACTION', 'That ability cannot be used now.');
  return targetChoices(state, content, seat, unit, ability.targets ?? []);
}

const refusal = (code: string, message: string): Refusal => ({ code, message });
const timesWord = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** A living unit of `seat` on the board. */
function usableUnit(state: TcgState, content: Content, seat: Seat, unit: string): boolean {
  const card = state.cards[unit];
  return (
    card !== undefined &&
    card.zone === 'board' &&
    card.controller === seat &&
    !card.doomed &&
    statsOf(state, content, unit).health > 0
  );
}

/** Every legal `activate` of `seat`, unit by unit in board order, each target combination. */
export function activations(state: TcgState, content: Content, seat: Seat): TcgAction[] {
  const actions: TcgAction[] = [];
  for (const unit of state.players[seat]!.zones.board ?? []) {
    if (!usableUnit(state, content, seat, unit)) continue;
    for (const { ability } of activatedOf(state, content, unit)) {
      const checked = activationCheck(state, content, seat, unit, ability);
      if (!Array.isArray(checked) || checked.some((c) => c.candidates.length === 0)) continue;
      for (const targets of targetCombinations(checked))
        actions.push({
          type: 'activate',
          payload: checked.length
            ? { card: unit, ability: ability.id, targets }
            : { card: unit, ability: ability.id },
        });
    }
  }
  return actions;
}

/** Uses an activated ability: pays, exhausts, then runs it at once as a frame of its own. */
export function activate(
  r: Runner,
  seat: Seat,
  payload: Extract<TcgAction, { type: 'activate' }>['payload'],
): Result<never> | null {
  const { state, content } = r;
  const unit = payload.card;
  if (!usableUnit(state, content, seat, unit))
    return fail(
      'UNKNOWN_CARD',
      `That is not a ${content.ruleset.vocabulary.unit} of yours on the board.`,
    );
  const entry = activatedOf(state, content, unit).find((a) => a.ability.id === payload.ability);
  const name = cardOf(content, state.cards[unit]!.defId).name;
  if (!entry)
    return fail('ILLEGAL_ACTION', `${name} has no activated ability "${payload.ability}".`);
  const checked = activationCheck(state, content, seat, unit, entry.ability);
  if (!Array.isArray(checked)) return fail(checked.code, checked.message);
  const chosen = checkChosen(checked, payload.targets ?? {}, name);
  if (!chosen.ok) return fail(chosen.code, chosen.message);
  const { resources, combat } = content.ruleset;
  const cost = resources.model === 'pool' ? (entry.ability.cost ?? 0) : 0;
  if (cost > 0) {
    const { current, max } = state.players[seat]!.resource;
    r.emit({ type: 'resourceChanged', data: { player: seat, current: current - cost, max } });
  }
  const card = state.cards[unit]!;
  r.emit({
    type: 'abilityActivated',
    data: {
      player: seat,
      source: unit,
      defId: card.defId,
      abilityId: entry.ability.id,
      targets: chosen.bound,
      attacks: entry.ability.exhaust ? Math.max(1, combat.attacksPerTurn) : null,
    },
  });
  r.work.push({
    kind: 'ability',
    frame: {
      id: `f${r.state.seq}-${r.events.length}`,
      ability: entry.ref,
      source: { handle: unit, defId: card.defId, controller: seat, owner: card.owner },
      controller: seat,
      // A copy: the frame binds more names as it runs; the event keeps the chosen targets.
      bindings: { ...chosen.bound },
      event: null,
      stage: { kind: 'run', loaded: false },
      cursors: [],
      awaiting: null,
      chosen: null,
    },
  });
  runWork(r);
  return null;
}
