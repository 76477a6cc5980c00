import type { Effect, Target } from '../content/ast.ts';
import { cardOf, isUnitCard } from '../content/content.ts';
import { amountOf, evaluate, playerOf } from './conditions.ts';
import { dealDamage, heal } from './damage.ts';
import { pickOrAsk } from './decisions.ts';
import { frameContext, visibleCandidates } from './frame-context.ts';
import type { Runner, StepResult } from './runner.ts';
import { resolveAutomaticTarget, select } from './select.ts';
import { baseCardId, heroSeat, opponentOf, STACK, type Frame, type ObjectId } from './state.ts';
import { raise } from './triggers.ts';
import { drawCard, moveCard, spellDestination, zoneFull } from './zones.ts';
import {
  addCondition,
  attackDamage,
  devolve,
  discardEnergy,
  removeConditions,
  setActive,
} from './battler/creatures.ts';

type Leaf = Exclude<
  Effect,
  { do: 'if' | 'repeat' | 'forEach' | 'choose' | 'may' | 'chooseTargets' | 'lua' | 'flip' }
>;

/** The cards among `ids` (not heroes) still in the game. */
const cardsOnly = (r: Runner, ids: ObjectId[]) =>
  ids.filter((id) => heroSeat(id) === null && r.state.cards[id]);

/** The cards among `ids` on the board. */
const onBoard = (r: Runner, ids: ObjectId[]) =>
  cardsOnly(r, ids).filter((id) => r.state.cards[id]!.zone === 'board');

/**
 * The effect library: each leaf validates its targets now and emits the events it causes. Its
 * helpers are module functions, not closures made per leaf (see `runNode` in frames.ts).
 */
export function applyLeaf(r: Runner, frame: Frame, effect: Leaf): StepResult {
  const ctx = frameContext(r, frame);
  const source = r.state.cards[frame.source.handle] ? frame.source.handle : null;

  switch (effect.do) {
    case 'damage': {
      const list = resolveTargets(r, frame, effect.to);
      if (list === 'suspend') return list;
      const amount = amountOf(ctx, effect.amount);
      for (const id of list) dealDamage(r, source, id, amount, false);
      return 'continue';
    }
    case 'heal': {
      const list = resolveTargets(r, frame, effect.to);
      if (list === 'suspend') return list;
      const amount = amountOf(ctx, effect.amount);
      for (const id of list) heal(r, source, id, amount);
      return 'continue';
    }
    case 'draw': {
      const seat = playerOf(ctx, effect.player);
      const count = Math.min(amountOf(ctx, effect.count), 30);
      for (let i = 0; i < count && !r.state.players[seat]!.lost; i++) drawCard(r, seat);
      return 'continue';
    }
    case 'discard': {
      const seat = playerOf(ctx, effect.player);
      const hand = r.state.players[seat]!.zones.hand ?? [];
      const count = Math.min(amountOf(ctx, effect.count), hand.length);
      let picked: string[];
      if (count === 0) return 'continue';
      if (effect.pick === 'random') {
        const pool = [...hand];
        picked = Array.from(
          { length: count },
          () => pool.splice(r.randomIndex(pool.length), 1)[0]!,
        );
      } else if (frame.chosen) {
        picked = frame.chosen.filter((id) => hand.includes(id));
        frame.chosen = null;
      } else {
        const answer = pickOrAsk(r, {
          player: seat,
          kind: 'discard',
          key: 'choose.discard',
          params: { count },
          candidates: [...hand],
          min: count,
          max: count,
          frame,
        });
        if (answer === 'suspend') {
          frame.awaiting = { kind: 'pick' };
          return 'suspend';
        }
        picked = answer;
      }
      for (const id of picked) {
        const handle = moveCard(r, id, { player: seat, zone: 'discard' }, -1, 'discard');
        raise(r, { on: 'discarded', subject: handle, player: seat });
      }
      return 'continue';
    }
    case 'summon': {
      const seat = playerOf(ctx, effect.for);
      const defId = effect.card.startsWith('#')
        ? `${baseCardId(frame)}#${effect.card.slice(1)}`
        : effect.card;
      const count = Math.min(amountOf(ctx, effect.count), 10);
      for (let i = 0; i < count; i++) {
        if (zoneFull(r, seat, 'board')) {
          r.emit({
            type: 'stepFizzled',
            data: { reason: 'boardFull', source: frame.source.handle },
          });
          break;
        }
        const handle = r.newHandle();
        r.emit({
          type: 'cardCreated',
          data: { handle, defId, player: seat, zone: 'board', index: -1 },
        });
        raise(r, { on: 'summoned', subject: handle, player: seat });
      }
      return 'continue';
    }
    case 'destroy': {
      const list = resolveTargets(r, frame, effect.target);
      if (list === 'suspend') return list;
      for (const id of onBoard(r, list))
        if (!r.state.cards[id]!.doomed) r.emit({ type: 'destroyMarked', data: { target: id } });
      return 'continue';
    }
    case 'move': {
      const list = resolveTargets(r, frame, effect.cards);
      if (list === 'suspend') return list;
      for (const id of cardsOnly(r, list)) {
        const card = r.state.cards[id]!;
        if (card.zone === STACK) continue;
        const toBoard = effect.to === 'board';
        if (
          toBoard &&
          (!isUnitCard(r.content, cardOf(r.content, card.defId)) ||
            zoneFull(r, card.owner, 'board'))
        ) {
          r.emit({
            type: 'stepFizzled',
            data: { reason: toBoard ? 'boardFull' : 'notAUnit', source: frame.source.handle },
          });
          continue;
        }
        const size = r.state.players[card.owner]!.zones[effect.to]?.length ?? 0;
        const index =
          effect.position === 'bottom'
            ? 0
            : effect.position === 'random'
              ? r.randomIndex(size + 1)
              : -1;
        const handle = moveCard(r, id, { player: card.owner, zone: effect.to }, index, 'effect');
        if (toBoard) raise(r, { on: 'summoned', subject: handle, player: card.owner });
      }
      return 'continue';
    }
    case 'shuffle': {
      const seat = playerOf(ctx, effect.player);
      const list = r.state.players[seat]!.zones[effect.zone] ?? [];
      r.emit({
        type: 'deckShuffled',
        data: { player: seat, zone: effect.zone, count: list.length, order: r.shuffle(list) },
      });
      return 'continue';
    }
    case 'modify':
    case 'grant': {
      const list = resolveTargets(r, frame, effect.target);
      if (list === 'suspend') return list;
      const changes =
        effect.do === 'modify'
          ? [{ stat: effect.stat, op: effect.op, value: evaluate(ctx, effect.value) }]
          : effect.keywords.map((keyword) => ({ grant: keyword }));
      for (const id of onBoard(r, list))
        for (const change of changes)
          r.emit({
            type: 'modifierAdded',
            data: {
              modifier: {
                id: r.state.seq + 1,
                target: id,
                effect: change,
                duration: effect.duration,
                controller: frame.controller,
              },
            },
          });
      return 'continue';
    }
    case 'resource': {
      const seat = playerOf(ctx, effect.player);
      const { current, max } = r.state.players[seat]!.resource;
      const amount = amountOf(ctx, effect.amount);
      const pool = r.content.ruleset.resources;
      const cap = pool.model === 'pool' ? pool.cap : Infinity;
      const next =
        effect.op === 'gain'
          ? { current: current + amount, max }
          : effect.op === 'gainMax'
            ? { current, max: Math.min(cap, max + amount) }
            : { current: Math.max(0, current - amount), max };
      if (next.current !== current || next.max !== max)
        r.emit({ type: 'resourceChanged', data: { player: seat, ...next } });
      return 'continue';
    }
    case 'steal': {
      // From the controller (`$active`, `$event.player`) it gives back what it took: no change.
      const victim = playerOf(ctx, effect.from);
      const taken = Math.min(
        amountOf(ctx, effect.amount),
        r.state.players[victim]!.resource.current,
      );
      if (taken === 0) return 'continue';
      for (const [seat, change] of [
        [victim, -taken],
        [frame.controller, taken],
      ] as const) {
        const { current, max } = r.state.players[seat]!.resource;
        r.emit({ type: 'resourceChanged', data: { player: seat, current: current + change, max } });
      }
      return 'continue';
    }
    case 'counter': {
      const list = resolveTargets(r, frame, effect.item);
      if (list === 'suspend') return list;
      for (const id of cardsOnly(r, list)) {
        const item = r.state.stack.find((i) => i.kind === 'card' && i.card === id);
        if (!item) continue;
        r.emit({ type: 'stackItemRemoved', data: { id: item.id, result: 'countered' } });
        moveCard(r, id, spellDestination(r, id), -1, 'countered');
      }
      return 'continue';
    }
    case 'reveal': {
      const list = resolveTargets(r, frame, effect.cards);
      if (list === 'suspend') return list;
      const to =
        effect.to === 'all'
          ? [0, 1]
          : effect.to === '$opponent'
            ? [opponentOf(frame.controller)]
            : [frame.controller];
      const cards = cardsOnly(r, list);
      const owners = [...new Set(cards.map((id) => r.state.cards[id]!.controller))];
      for (const owner of owners) {
        const mine = cards
          .filter((id) => r.state.cards[id]!.controller === owner)
          .map((id) => ({ defId: r.state.cards[id]!.defId }));
        r.emit({
          type: 'cardRevealed',
          data: { player: owner, to, cards: mine, count: mine.length },
        });
      }
      return 'continue';
    }
    case 'attackDamage': {
      const defender = frame.bindings.defender?.[0];
      if (defender && source) attackDamage(r, source, defender, amountOf(ctx, effect.amount));
      return 'continue';
    }
    case 'condition': {
      const list = resolveTargets(r, frame, effect.target);
      if (list === 'suspend') return list;
      for (const id of onBoard(r, list)) {
        if (effect.remove) removeConditions(r, id, effect.remove);
        if (effect.add) addCondition(r, id, effect.add);
      }
      return 'continue';
    }
    case 'discardEnergy': {
      const list = resolveTargets(r, frame, effect.from);
      if (list === 'suspend') return list;
      const count = amountOf(ctx, effect.count);
      for (const id of onBoard(r, list)) discardEnergy(r, id, count, effect.energyType);
      return 'continue';
    }
    case 'devolve': {
      const list = resolveTargets(r, frame, effect.target);
      if (list === 'suspend') return list;
      for (const id of onBoard(r, list)) devolve(r, id);
      return 'continue';
    }
    case 'switch': {
      const seat = playerOf(ctx, effect.player);
      const side = seat === frame.controller ? 'friendly' : 'enemy';
      const list = resolveTargets(r, frame, {
        pick: 'chosen',
        from: `unit & benched & ${side}`,
        count: 1,
        ...(effect.chooser ? { chooser: effect.chooser } : {}),
      });
      if (list === 'suspend') return list;
      const [to] = onBoard(r, list);
      if (to) setActive(r, seat, to, 'switch');
      return 'continue';
    }
  }
}

/** The card whose tokens `#name` refers to (a token's own abilities use its parent card's). */
/**
 * A target: a selector (all matches), an engine pick, or a player's pick, asked once and kept
 * in `frame.chosen` while the effect waits (it then runs again and consumes the answer).
 */
function resolveTargets(r: Runner, frame: Frame, target: Target): ObjectId[] | 'suspend' {
  const ctx = frameContext(r, frame);
  if (typeof target === 'string' || target.pick !== 'chosen')
    return resolveAutomaticTarget(ctx, target, (n) => r.randomIndex(n));
  const chooser = target.chooser === '$opponent' ? opponentOf(frame.controller) : frame.controller;
  const candidates = visibleCandidates(r, frame, select(ctx, target.from), chooser);
  if (frame.chosen) {
    const chosen = frame.chosen.filter((id) => candidates.includes(id));
    frame.chosen = null;
    return chosen;
  }
  const count = Math.min(target.count, candidates.length);
  if (count === 0) {
    r.emit({ type: 'stepFizzled', data: { reason: 'noTargets', source: frame.source.handle } });
    return [];
  }
  const picks = pickOrAsk(r, {
    player: chooser,
    kind: 'chooseTargets',
    key: 'choose.targets',
    params: { selector: target.from },
    candidates,
    min: count,
    max: count,
    frame,
  });
  if (picks === 'suspend') frame.awaiting = { kind: 'pick' };
  return picks;
}
