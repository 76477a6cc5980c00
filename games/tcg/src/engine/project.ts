import type { Viewer } from '@cardtable/engine';
import type { Content } from '../content/content.ts';
import type { TcgEvent } from './events.ts';
import type { TcgState } from './state.ts';
import { canSee } from './view.ts';

/**
 * An event as one viewer may see it: card identities and handles in zones the viewer cannot
 * see are nulled, shuffles lose their order and decisions their server-only parts.
 */
export function projectEvent(
  event: TcgEvent,
  viewer: Viewer,
  before: TcgState,
  content: Content,
): TcgEvent {
  if (viewer.kind === 'all') return event;
  const seat = viewer.kind === 'seat' ? viewer.seat : null;
  /** Picks name cards: only those the viewer can see (or options like "yes") pass. */
  const shown = (id: string) => {
    const card = before.cards[id];
    return !card || canSee(content, viewer, card.zone, card.controller);
  };
  switch (event.type) {
    case 'deckBuilt':
      return { type: event.type, data: { ...event.data, cards: null } };
    case 'deckShuffled':
      return {
        type: event.type,
        data: {
          ...event.data,
          order: canSee(content, viewer, event.data.zone, event.data.player)
            ? event.data.order
            : null,
        },
      };
    case 'cardDrawn': {
      const mine = seat === event.data.player;
      return {
        type: event.type,
        data: {
          player: event.data.player,
          card: null,
          handle: mine ? event.data.handle : null,
          defId: mine ? event.data.defId : null,
        },
      };
    }
    case 'cardMoved': {
      const d = event.data;
      const fromSeen = canSee(content, viewer, d.from.zone, d.from.player);
      const toSeen = canSee(content, viewer, d.to.zone, d.to.player);
      return {
        type: event.type,
        data: {
          ...d,
          card: fromSeen ? d.card : null,
          handle: toSeen ? d.handle : null,
          defId: fromSeen || toSeen ? d.defId : null,
        },
      };
    }
    case 'cardCreated': {
      const d = event.data;
      if (canSee(content, viewer, d.zone, d.player)) return event;
      return { type: 'cardCreated', data: { ...d, handle: '', defId: '' } };
    }
    case 'cardPlayed':
      return {
        type: event.type,
        data: { ...event.data, card: seat === event.data.player ? event.data.card : null },
      };
    case 'setupChosen':
      return seat === event.data.player
        ? event
        : { type: event.type, data: { player: event.data.player, active: null, bench: null } };
    case 'creatureEvolved':
      return seat === event.data.player
        ? event
        : { type: event.type, data: { ...event.data, card: '' } };
    case 'toolAttached':
      return {
        type: event.type,
        data: { ...event.data, card: seat === event.data.player ? event.data.card : null },
      };
    case 'energyAttached':
      return {
        type: event.type,
        data: { ...event.data, card: seat === event.data.player ? event.data.card : null },
      };
    case 'cardRevealed':
      return seat !== null && event.data.to.includes(seat)
        ? event
        : event.data.to.length === 2
          ? event
          : { type: event.type, data: { ...event.data, cards: null } };
    case 'decisionAutoResolved':
    case 'decisionResolved':
      return {
        type: event.type,
        data: { ...event.data, picks: event.data.picks.filter((id) => shown(id)) },
      } as TcgEvent;
    case 'decisionRequested':
      return { type: event.type, data: { ...event.data, decision: null, continuation: null } };
    case 'abilityActivated': {
      // Targets may be cards only their owner sees (a card in hand): others learn of none.
      const targets = Object.fromEntries(
        Object.entries(event.data.targets).map(([binding, ids]) => [binding, ids.filter(shown)]),
      );
      return { type: event.type, data: { ...event.data, targets } };
    }
    case 'abilityTriggered': {
      const source = before.cards[event.data.source];
      const seen = !source || canSee(content, viewer, source.zone, source.controller);
      return seen ? event : { type: event.type, data: { ...event.data, source: '', defId: '' } };
    }
    case 'scriptFailed': {
      const source = before.cards[event.data.source];
      const seen = !source || canSee(content, viewer, source.zone, source.controller);
      const { code, message } = event.data;
      return seen
        ? { type: event.type, data: { ...event.data, detail: null } }
        : {
            type: event.type,
            data: {
              source: '',
              card: '',
              ability: '',
              module: '',
              entry: '',
              code,
              line: null,
              message,
              detail: null,
            },
          };
    }
    default:
      return event;
  }
}

/** Steps a table animates (and the server paces with acknowledgements). */
const ANIMATED = new Set<TcgEvent['type']>([
  'cardDrawn',
  'cardPlayed',
  'cardCreated',
  'attackDeclared',
  'abilityActivated',
  'damageDealt',
  'healed',
  'shieldBroken',
  'unitDied',
  'stackItemAdded',
  'stackItemRemoved',
  'cardRevealed',
  'turnStarted',
  'gameEnded',
  'coinFlipped',
  'attackUsed',
  'creatureEvolved',
]);

export const requiresAck = (event: TcgEvent): boolean => ANIMATED.has(event.type);
