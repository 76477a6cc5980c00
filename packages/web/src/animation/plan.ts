import type { Seat } from '@cardtable/engine';
import type { GolfEvent, SeenCard } from '@cardtable/golf';

/** A place on the table a card can fly from or to; every such element has `data-anchor`. */
export type Anchor =
  | { zone: 'deck' }
  | { zone: 'discard' }
  | { zone: 'held'; seat: Seat }
  | { zone: 'slot'; seat: Seat; slot: number };

export const anchorId = (anchor: Anchor): string => {
  switch (anchor.zone) {
    case 'deck':
    case 'discard':
      return anchor.zone;
    case 'held':
      return `held-${anchor.seat}`;
    case 'slot':
      return `slot-${anchor.seat}-${anchor.slot}`;
  }
};

/** A card moving between two anchors; a hidden card flies face down. */
export interface Flight {
  from: Anchor;
  to: Anchor;
  card: SeenCard;
  faceUp: boolean;
  delayMs: number;
}

/** How the table shows one event: cards fly over the old view, then the new view settles. */
export interface StepAnimation {
  flights: Flight[];
  /** Time for all flights, delays included. 0 when nothing flies. */
  flightMs: number;
  /** A pause after the new view appears (flips turning, a beat between turns). */
  settleMs: number;
  /** Anchors shown empty while the flights run, because their card is the one in the air. */
  vacate: Anchor[];
  /** Hold until the round-end tally is dismissed (or its own timer runs out). */
  holdForTally: boolean;
  /** A short message for screen readers and the log line. */
  caption: string;
}

export interface Timing {
  /** Skip movement (prefers-reduced-motion): cards jump, pauses stay. */
  reducedMotion: boolean;
  /** Playback speed; 2 halves every duration. */
  speed: number;
}

const FLIGHT_MS = 420;
const DEAL_STAGGER_MS = 45;
const FLIP_MS = 380;
const BEAT_MS = 160;
const WENT_OUT_MS = 1100;
const RESHUFFLE_MS = 700;

type Name = (seat: Seat) => string;

/**
 * Maps one event to its animation. Pure: it reads only the event (and the seat names for the
 * caption), so the live table and the replay viewer animate alike.
 */
export function planStep(event: GolfEvent, timing: Timing, name: Name): StepAnimation {
  const plan = basePlan(event, name);
  const scale = (ms: number) => Math.round(ms / timing.speed);
  if (timing.reducedMotion) {
    return { ...plan, flights: [], flightMs: 0, vacate: [], settleMs: scale(plan.settleMs) };
  }
  const flights = plan.flights.map((flight) => ({ ...flight, delayMs: scale(flight.delayMs) }));
  const longestDelay = Math.max(0, ...flights.map((flight) => flight.delayMs));
  return {
    ...plan,
    flights,
    flightMs: flights.length === 0 ? 0 : longestDelay + scale(FLIGHT_MS),
    settleMs: scale(plan.settleMs),
  };
}

/** The event in words, as the caption under the table reads it. */
export const describeEvent = (event: GolfEvent, name: Name): string =>
  basePlan(event, name).caption;

/** Duration of one flight at a given speed, for the layer that runs it. */
export const flightDuration = (timing: Timing) =>
  timing.reducedMotion ? 0 : Math.round(FLIGHT_MS / timing.speed);

type BasePlan = Omit<StepAnimation, 'flightMs'>;

const still = (caption: string, settleMs: number): BasePlan => ({
  flights: [],
  settleMs,
  vacate: [],
  holdForTally: false,
  caption,
});

function basePlan(event: GolfEvent, name: Name): BasePlan {
  switch (event.type) {
    case 'roundDealt': {
      const { hands, round } = event.data;
      const flights: Flight[] = [];
      // Dealt player by player, as at a real table.
      hands.forEach((hand, seat) =>
        hand.forEach((card, slot) =>
          flights.push({
            from: { zone: 'deck' },
            to: { zone: 'slot', seat, slot },
            card: { hidden: true, deck: card.deck },
            faceUp: false,
            delayMs: flights.length * DEAL_STAGGER_MS,
          }),
        ),
      );
      return { ...still(`Hole ${round} is dealt.`, BEAT_MS), flights };
    }
    case 'initialFlipped': {
      const count = event.data.slots.length;
      const cards = count === 1 ? 'a card' : `${count} cards`;
      return still(`${name(event.data.seat)} turns up ${cards}.`, FLIP_MS);
    }
    case 'deckDrawn': {
      const { seat, card } = event.data;
      return {
        ...still(`${name(seat)} draws from the deck.`, BEAT_MS),
        flights: [fly({ zone: 'deck' }, { zone: 'held', seat }, card, 0)],
      };
    }
    case 'discardTaken': {
      const { seat, card } = event.data;
      return {
        ...still(`${name(seat)} takes the discard.`, BEAT_MS),
        flights: [fly({ zone: 'discard' }, { zone: 'held', seat }, card, 0)],
        vacate: [{ zone: 'discard' }],
      };
    }
    case 'discardReturned': {
      const { seat, card } = event.data;
      return {
        ...still(`${name(seat)} puts the card back.`, BEAT_MS),
        flights: [fly({ zone: 'held', seat }, { zone: 'discard' }, card, 0)],
        vacate: [{ zone: 'held', seat }],
      };
    }
    case 'cardSwapped': {
      const { seat, slot, card, replaced } = event.data;
      const target: Anchor = { zone: 'slot', seat, slot };
      return {
        ...still(`${name(seat)} swaps a card into slot ${slot + 1}.`, BEAT_MS),
        flights: [
          fly({ zone: 'held', seat }, target, card, 0),
          fly(target, { zone: 'discard' }, replaced, 0),
        ],
        vacate: [{ zone: 'held', seat }, target],
      };
    }
    case 'cardDiscarded': {
      const { seat, card } = event.data;
      return {
        ...still(`${name(seat)} discards.`, BEAT_MS),
        flights: [fly({ zone: 'held', seat }, { zone: 'discard' }, card, 0)],
        vacate: [{ zone: 'held', seat }],
      };
    }
    case 'cardFlipped':
      return still(`${name(event.data.seat)} flips a card.`, FLIP_MS);
    case 'flipSkipped':
      return still(`${name(event.data.seat)} skips the flip.`, BEAT_MS);
    case 'wentOut':
      return still(
        `${name(event.data.seat)} went out! Everyone else gets one last turn.`,
        WENT_OUT_MS,
      );
    case 'deckReshuffled':
      return still('The discards are shuffled into a new deck.', RESHUFFLE_MS);
    case 'turnPassed':
      return still(`${name(event.data.to)}'s turn.`, BEAT_MS);
    case 'roundEnded':
      return {
        ...still(`Hole ${event.data.result.round} is over.`, FLIP_MS),
        holdForTally: true,
      };
    case 'gameEnded':
      return still('The game is over.', 0);
  }
}

const fly = (from: Anchor, to: Anchor, card: SeenCard, delayMs: number): Flight => ({
  from,
  to,
  card,
  faceUp: !('hidden' in card),
  delayMs,
});
