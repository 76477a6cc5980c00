import type { Seat } from '@cardtable/engine';
import type { TcgEvent, TcgView } from '@cardtable/tcg/ui';
import type { Timing } from '../../animation/plan.ts';
import type { Beat } from '../../sound/beats.ts';
import { outcomeBeat } from '../../sound/outcome-beat.ts';
import { describeStep } from '../step-caption.ts';
import { tcgAnchor } from './anchors.ts';

/** A card moving between two anchors; `defId` null flies face down. */
export interface TcgFlight {
  from: string;
  to: string;
  defId: string | null;
  delayMs: number;
}

/** What the mark on an object says, and how it looks (a hit also shakes its object). */
export interface TcgMark {
  text: string;
  kind: 'hit' | 'heal' | 'note';
}

/** How the table shows one event: flights and a lunge over the old view, then marks on the new. */
export interface TcgStepPlan {
  flights: TcgFlight[];
  /** An attacker leaning into its target, over the old view. */
  lunge: { attacker: string; target: string } | null;
  /** Time for the flights or the lunge; 0 when nothing moves. */
  moveMs: number;
  /** Objects shown empty while the flights run, because their card is the one in the air. */
  vacate: string[];
  /** A pause after the new view appears, while its marks play. */
  settleMs: number;
  marks: Record<string, TcgMark>;
  caption: string;
  /** The sound of the step for this viewer. */
  beat: Beat | null;
}

const FLIGHT_MS = 380;
const LUNGE_MS = 340;
const BEAT_MS = 160;
const HIT_MS = 420;
const TURN_MS = 650;

type Name = (seat: Seat) => string;

/**
 * Maps one event to its animation. Pure: it reads the event and the views before and after
 * it (for names of cards that leave or arrive), so the live table and the replay animate alike.
 */
export function planTcgStep(
  event: TcgEvent,
  before: TcgView,
  after: TcgView,
  timing: Timing,
  name: Name,
  me: Seat | null,
): TcgStepPlan {
  const both: TcgView = {
    ...after,
    cards: { ...before.cards, ...after.cards },
    faces: { ...before.faces, ...after.faces },
  };
  const shown = describeStep(event, both, name, me);
  const base = basePlan(event, both, me);
  const marks: Record<string, TcgMark> = {};
  for (const [id, text] of Object.entries(shown.marks)) marks[id] = { text, kind: markKind(event) };
  const scale = (ms: number) => Math.round(ms / timing.speed);
  const moving = !timing.reducedMotion && (base.flights.length > 0 || base.lunge !== null);
  return {
    flights: moving ? base.flights : [],
    lunge: moving ? base.lunge : null,
    moveMs: moving ? scale(base.lunge ? LUNGE_MS : FLIGHT_MS) : 0,
    vacate: moving ? base.vacate : [],
    settleMs: scale(base.settleMs),
    marks,
    caption: shown.caption,
    beat: base.beat,
  };
}

/** Duration of one flight at a given timing, for the layer that runs it. */
export const tcgFlightDuration = (timing: Timing) =>
  timing.reducedMotion ? 0 : Math.round(FLIGHT_MS / timing.speed);

const markKind = (event: TcgEvent): TcgMark['kind'] =>
  event.type === 'damageDealt' || event.type === 'shieldBroken'
    ? 'hit'
    : event.type === 'healed'
      ? 'heal'
      : 'note';

type BasePlan = Pick<TcgStepPlan, 'flights' | 'lunge' | 'vacate' | 'settleMs' | 'beat'>;

const still = (settleMs: number, beat: Beat | null = null): BasePlan => ({
  flights: [],
  lunge: null,
  vacate: [],
  settleMs,
  beat,
});

function basePlan(event: TcgEvent, view: TcgView, me: Seat | null): BasePlan {
  switch (event.type) {
    case 'cardDrawn': {
      const { player, defId } = event.data;
      const flight = {
        from: tcgAnchor.deck(player),
        to: tcgAnchor.hand(player),
        defId: defId ?? null,
        delayMs: 0,
      };
      return { ...still(BEAT_MS, 'draw'), flights: [flight] };
    }
    case 'cardPlayed': {
      const { player, card, defId, to } = event.data;
      // The owner sees which card of the hand it was; the others see it leave the hand.
      const from = card && view.cards[card] ? card : tcgAnchor.hand(player);
      const target = to === 'stack' ? tcgAnchor.stack : tcgAnchor.board(player);
      return {
        ...still(BEAT_MS, 'play'),
        flights: [{ from, to: target, defId, delayMs: 0 }],
        vacate: card ? [card] : [],
      };
    }
    case 'energyAttached': {
      const { player, card, defId, unit } = event.data;
      const from = card && view.cards[card] ? card : tcgAnchor.hand(player);
      return {
        ...still(BEAT_MS, 'play'),
        flights: [{ from, to: unit, defId, delayMs: 0 }],
        vacate: card ? [card] : [],
      };
    }
    case 'attackDeclared':
      return { ...still(BEAT_MS, 'attack'), lunge: event.data };
    case 'damageDealt':
      return still(HIT_MS, 'damage');
    case 'shieldBroken':
    case 'healed':
      return still(HIT_MS);
    case 'unitDied': {
      const { handle, defId, owner, token } = event.data;
      if (token) return still(BEAT_MS);
      return {
        ...still(BEAT_MS),
        flights: [{ from: handle, to: tcgAnchor.discard(owner), defId, delayMs: 0 }],
        vacate: [handle],
      };
    }
    case 'turnStarted':
      return still(TURN_MS, me === null || event.data.player === me ? 'turn' : null);
    case 'gameEnded':
      return still(0, outcomeBeat(event.data.outcome, me));
    case 'cardCreated':
    case 'stackItemAdded':
    case 'stackItemRemoved':
    case 'cardRevealed':
      return still(BEAT_MS);
    default:
      return still(0);
  }
}
