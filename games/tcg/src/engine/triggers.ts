import type { Ability, Trigger, TriggerEvent } from '../content/ast.ts';
import { oncePerContent, cardOf, type Content } from '../content/content.ts';
import { selectorAst } from '../content/selector.ts';
import { abilityEntries } from './abilities.ts';
import { conditionHolds } from './conditions.ts';
import type { Runner } from './runner.ts';
import type { EvalContext } from './eval-context.ts';
import { subjectMatches } from './select.ts';
import { statsOf } from './stats.ts';
import type { EventInfo, ObjectId, QueuedTrigger, TcgState } from './state.ts';
import type { Seat } from '@cardtable/engine';

interface Listeners {
  /**
   * By event: the zones a triggered ability listening for it is active in (board, plus e.g. the
   * discard), in the ruleset's order. A card elsewhere cannot trigger on that event, so `raise`
   * does not look there (the demo's discard, which one card listens in, grows all match long).
   */
  zones: ReadonlyMap<TriggerEvent, readonly string[]>;
  /** The events any triggered ability of this content listens for. */
  events: ReadonlySet<TriggerEvent>;
  /** By event: the cards whose own triggered abilities listen for it. */
  cards: ReadonlyMap<TriggerEvent, ReadonlySet<string>>;
  /** The events a custom keyword's triggered ability listens for. */
  keywordEvents: ReadonlySet<TriggerEvent>;
}

const listenersOf = oncePerContent((content): Listeners => {
  const zones = new Map<TriggerEvent, Set<string>>();
  const cards = new Map<TriggerEvent, Set<string>>();
  const keywordEvents = new Set<TriggerEvent>();
  const note = (ability: Ability, defId: string | null) => {
    if (ability.kind !== 'triggered') return;
    const on = ability.trigger.on;
    if (defId === null) keywordEvents.add(on);
    else if (cards.get(on)?.add(defId) === undefined) cards.set(on, new Set([defId]));
    if (!zones.has(on)) zones.set(on, new Set());
    for (const z of ability.activeIn ?? ['board']) zones.get(on)!.add(z);
  };
  for (const [defId, card] of content.cards)
    for (const ability of card.abilities ?? []) note(ability, defId);
  for (const k of Object.values(content.ruleset.keywords))
    for (const ability of k.abilities ?? []) note(ability, null);
  const ruleset = content.ruleset.zones.map((z) => z.id);
  return {
    zones: new Map([...zones].map(([on, active]) => [on, ruleset.filter((z) => active.has(z))])),
    events: new Set([...cards.keys(), ...keywordEvents]),
    cards,
    keywordEvents,
  };
});

export interface Happening {
  on: TriggerEvent;
  subject?: ObjectId | null;
  source?: ObjectId | null;
  player?: Seat | null;
  amount?: number;
}

/**
 * Something happened: every triggered ability listening for it is checked now (its source in
 * an `activeIn` zone, subject, condition and limit), and the eligible ones join the batch with
 * their source's last-known information. Nothing triggers before the game has begun.
 */
export function raise(r: Runner, happening: Happening): void {
  const { state, content } = r;
  if (state.status !== 'playing') return;
  // Nothing in this content listens for it: skip the scan (and the stats it would compute).
  const listeners = listenersOf(content);
  if (!listeners.events.has(happening.on)) return;
  const event: EventInfo = {
    on: happening.on,
    subject: happening.subject ?? null,
    source: happening.source ?? null,
    player: happening.player ?? null,
    amount: happening.amount ?? 0,
  };
  const listeningCards = listeners.cards.get(happening.on);
  const keywordsListen = listeners.keywordEvents.has(happening.on);
  const zones = listeners.zones.get(happening.on)!;
  for (const player of state.players)
    for (const zone of zones)
      for (const handle of player.zones[zone] ?? []) {
        const card = state.cards[handle]!;
        if (!keywordsListen && !listeningCards?.has(card.defId)) continue;
        const keywords =
          zone === 'board'
            ? statsOf(state, content, handle).keywords
            : (cardOf(content, card.defId).keywords ?? []);
        for (const { ref, ability, index } of abilityEntries(content, card.defId, keywords)) {
          if (ability.kind !== 'triggered' || ability.trigger.on !== event.on) continue;
          if (!(ability.activeIn ? ability.activeIn.includes(zone) : zone === 'board')) continue;
          const ctx = r.ctx(card.controller, handle, {}, event);
          if (!triggerMatches(ability.trigger, event, ctx)) continue;
          if (ability.condition && !conditionHolds(ctx, ability.condition)) continue;
          if (
            ability.limit &&
            (state.abilityUses[`${handle}/${ability.id}`] ?? 0) >= ability.limit.perTurn
          )
            continue;
          if (!r.countTrigger()) return;
          r.emit({
            type: 'abilityTriggered',
            data: {
              source: handle,
              defId: card.defId,
              abilityId: ability.id,
              controller: card.controller,
            },
          });
          r.batch.push({
            ability: ref,
            source: { handle, defId: card.defId, controller: card.controller, owner: card.owner },
            event,
            order: [card.controller, card.playOrder, index],
          });
        }
      }
}

function triggerMatches(trigger: Trigger, event: EventInfo, ctx: EvalContext): boolean {
  if (trigger.on === 'turnStart' || trigger.on === 'turnEnd') {
    const whose = trigger.whose ?? 'controller';
    return whose === 'any' || (event.player === ctx.controller) === (whose === 'controller');
  }
  if (event.subject === null) return false;
  return subjectMatches(ctx, event.subject, selectorAst(trigger.subject ?? '$self'));
}

/** Orders one batch: order of play (Hearthstone), or active player first (APNAP). */
export function orderBatch(
  state: TcgState,
  content: Content,
  batch: QueuedTrigger[],
): QueuedTrigger[] {
  const apnap = content.ruleset.triggerOrder === 'apnap';
  return [...batch].sort(
    (a, b) =>
      turnOrder(a, apnap, state.active) - turnOrder(b, apnap, state.active) ||
      a.order[1] - b.order[1] ||
      a.order[2] - b.order[2],
  );
}

/** APNAP: the active player's triggers first (0), then the other's (1); else all alike. */
const turnOrder = (t: QueuedTrigger, apnap: boolean, active: Seat) =>
  apnap ? (t.order[0] === active ? 0 : 1) : 0;
