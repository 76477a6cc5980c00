import type { Seat } from '@cardtable/engine';
import type { SpellAbility, TargetSpec } from '../content/ast.ts';
import { cardOf, cardTypeOf, type CardDefinition, type Content } from '../content/content.ts';
import { visibleTo } from './decisions.ts';
import type { Runner, StepResult } from './runner.ts';
import { select } from './select.ts';
import { evalContext } from './stats.ts';
import { STACK, type Frame, type ObjectId, type StackItem, type TcgState } from './state.ts';
import { raise } from './triggers.ts';
import { moveCard, spellDestination, zoneFull } from './zones.ts';

export const spellAbilityOf = (card: CardDefinition): SpellAbility | null =>
  (card.abilities ?? []).find((a): a is SpellAbility => a.kind === 'spell') ?? null;

/** The candidates of each play-time target of a spell, as its caster sees them. */
export function playTargets(
  state: TcgState,
  content: Content,
  seat: Seat,
  card: CardDefinition,
): TargetChoice[] {
  return targetChoices(state, content, seat, null, spellAbilityOf(card)?.targets ?? []);
}

/** One binding an action chooses: how many, among which candidates. */
export interface TargetChoice {
  id: string;
  count: number;
  candidates: ObjectId[];
}

/**
 * The candidates of targets chosen with an action (a spell's when played, an activated
 * ability's when used), as the acting seat sees them; `self` is the ability's source, if any.
 */
export function targetChoices(
  state: TcgState,
  content: Content,
  seat: Seat,
  self: string | null,
  targets: readonly TargetSpec[],
): TargetChoice[] {
  const zones = new Map(content.ruleset.zones.map((z) => [z.id, z.visibility]));
  return targets.map((spec) => {
    const ctx = evalContext({
      state,
      content,
      controller: seat,
      self,
      bindings: {},
      event: null,
    });
    const candidates = select(ctx, spec.choose).filter((id) => visibleTo(state, zones, seat, id));
    return { id: spec.id, count: Math.min(spec.count ?? 1, candidates.length), candidates };
  });
}

/**
 * The targets an action names, checked against its choices: each binding exactly `count`
 * distinct candidates, no binding it does not have. The bound targets, or why not (`name`
 * is the card or ability, for the message).
 */
export function checkChosen(
  choices: readonly TargetChoice[],
  targets: Readonly<Record<string, string[]>>,
  name: string,
): { ok: true; bound: Record<string, ObjectId[]> } | { ok: false; code: string; message: string } {
  const bound: Record<string, ObjectId[]> = {};
  for (const spec of choices) {
    const picks = targets[spec.id] ?? [];
    if (spec.candidates.length === 0)
      return { ok: false, code: 'NO_TARGETS', message: `${name} has no legal target.` };
    if (
      new Set(picks).size !== picks.length ||
      picks.length !== spec.count ||
      picks.some((p) => !spec.candidates.includes(p))
    )
      return {
        ok: false,
        code: 'INVALID_TARGETS',
        message: `Choose ${spec.count} legal target(s) for "${spec.id}".`,
      };
    bound[spec.id] = picks;
  }
  const unknown = Object.keys(targets).find((id) => !choices.some((s) => s.id === id));
  if (unknown)
    return { ok: false, code: 'INVALID_TARGETS', message: `${name} has no target "${unknown}".` };
  return { ok: true, bound };
}

/** Units of `seat` on the board plus those waiting on the stack: a full board refuses more. */
export function boardWouldOverflow(r: Pick<Runner, 'state' | 'content'>, seat: Seat): boolean {
  const limit = r.content.ruleset.zones.find((z) => z.id === 'board')?.limit ?? Infinity;
  const waiting = r.state.stack.filter(
    (i) =>
      i.kind === 'card' &&
      i.controller === seat &&
      cardTypeOf(r.content, cardOf(r.content, r.state.cards[i.card]!.defId)).kind === 'unit',
  ).length;
  return (r.state.players[seat]!.zones.board?.length ?? 0) + waiting >= limit;
}

/**
 * Plays a card already paid for. In stack mode "responses" it becomes a stack item and the
 * opponent gets priority; otherwise a unit enters at once and a spell resolves at once.
 */
export function playCard(
  r: Runner,
  seat: Seat,
  hand: string,
  targets: Record<string, ObjectId[]>,
): void {
  const def = cardOf(r.content, r.state.cards[hand]!.defId);
  const isSpell = cardTypeOf(r.content, def).kind === 'spell';
  const responses = r.content.ruleset.stack.mode === 'responses';
  const handle = r.newHandle();
  const to = responses || isSpell ? 'stack' : 'board';
  r.emit({
    type: 'cardPlayed',
    data: {
      player: seat,
      card: hand,
      handle,
      defId: def.id,
      to,
      index: -1,
      targets,
      spell: isSpell,
    },
  });
  if (isSpell) {
    raise(r, { on: 'played', subject: handle, player: seat });
    raise(r, { on: 'cast', subject: handle, player: seat });
  }
  if (responses) {
    addStackItem(r, { id: r.state.seq + 1, kind: 'card', controller: seat, card: handle, targets });
  } else if (isSpell) {
    startSpell(r, handle, seat, targets);
  } else {
    unitEntered(r, handle, seat);
  }
}

export function addStackItem(r: Runner, item: StackItem): void {
  r.emit({ type: 'stackItemAdded', data: { item } });
  r.emit({ type: 'priority', data: { holder: item.controller === 0 ? 1 : 0, otherPassed: true } });
}

function unitEntered(r: Runner, handle: string, seat: Seat): void {
  raise(r, { on: 'played', subject: handle, player: seat });
  raise(r, { on: 'summoned', subject: handle, player: seat });
}

function startSpell(
  r: Runner,
  handle: string,
  seat: Seat,
  bindings: Record<string, ObjectId[]>,
): void {
  const def = cardOf(r.content, r.state.cards[handle]!.defId);
  const spell = spellAbilityOf(def)!;
  const frame: Frame = {
    id: `f${r.state.seq}-${r.events.length}`,
    ability: { card: def.id, ability: spell.id },
    source: { handle, defId: def.id, controller: seat, owner: r.state.cards[handle]!.owner },
    controller: seat,
    // The frame's own record: its steps bind more names (a chooseTargets, a Lua script's
    // objects), which must not change the targets the play's event already carries.
    bindings: { ...bindings },
    event: null,
    stage: { kind: 'run', loaded: false },
    cursors: [],
    awaiting: null,
    chosen: null,
  };
  r.work.push({ kind: 'finishSpell', card: handle }, { kind: 'ability', frame });
}

/** Passing priority: two passes in a row resolve the top of the stack. */
export function passPriority(r: Runner, seat: Seat): void {
  const priority = r.state.priority!;
  r.emit({ type: 'priorityPassed', data: { player: seat } });
  if (priority.otherPassed) {
    r.emit({ type: 'priority', data: { holder: null, otherPassed: false } });
    r.work.push({ kind: 'resolveTop' });
  } else {
    r.emit({ type: 'priority', data: { holder: seat === 0 ? 1 : 0, otherPassed: true } });
  }
}

/**
 * Resolves the top stack item. A spell's targets are checked again: one whose targets are all
 * gone fizzles; otherwise it runs on the targets still legal.
 */
export function resolveTop(r: Runner): StepResult {
  const item = r.state.stack.at(-1);
  if (!item) return 'done';
  if (item.kind === 'attack') {
    r.emit({ type: 'stackItemRemoved', data: { id: item.id, result: 'resolved' } });
    r.work.splice(r.work.length - 1, 1, {
      kind: 'combat',
      stage: 'block',
      attacker: item.attacker,
      target: item.target,
      awaiting: false,
    });
    return 'continue';
  }
  const def = cardOf(r.content, r.state.cards[item.card]!.defId);
  if (cardTypeOf(r.content, def).kind === 'unit') {
    if (zoneFull(r, item.controller, 'board')) {
      r.emit({ type: 'stackItemRemoved', data: { id: item.id, result: 'fizzled' } });
      moveCard(
        r,
        item.card,
        { player: r.state.cards[item.card]!.owner, zone: 'discard' },
        -1,
        'fizzled',
      );
      return 'done';
    }
    r.emit({ type: 'stackItemRemoved', data: { id: item.id, result: 'resolved' } });
    const handle = moveCard(
      r,
      item.card,
      { player: item.controller, zone: 'board' },
      -1,
      'resolved',
    );
    unitEntered(r, handle, item.controller);
    return 'done';
  }
  const specs = spellAbilityOf(def)?.targets ?? [];
  const ctx = r.ctx(item.controller, item.card);
  const still: Record<string, ObjectId[]> = {};
  for (const spec of specs) {
    const legal = new Set(select(ctx, spec.choose));
    still[spec.id] = (item.targets[spec.id] ?? []).filter((id) => legal.has(id));
  }
  const hadTargets = specs.some((spec) => (item.targets[spec.id] ?? []).length > 0);
  if (hadTargets && specs.every((spec) => still[spec.id]!.length === 0)) {
    r.emit({ type: 'stackItemRemoved', data: { id: item.id, result: 'fizzled' } });
    moveCard(r, item.card, spellDestination(r, item.card), -1, 'fizzled');
    return 'done';
  }
  r.emit({ type: 'stackItemRemoved', data: { id: item.id, result: 'resolved' } });
  r.work.pop();
  startSpell(r, item.card, item.controller, still);
  return 'continue';
}

/** A resolved spell goes to its type's `thenTo` zone, unless its own effects moved it. */
export function finishSpell(r: Runner, card: string): StepResult {
  if (r.state.cards[card]?.zone === STACK)
    moveCard(r, card, spellDestination(r, card), -1, 'resolved');
  return 'done';
}
