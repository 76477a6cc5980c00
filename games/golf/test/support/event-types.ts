import type { GolfEventType } from '../../src/index.ts';

/** The event model, checked against the GolfEvent union at compile time. */
export const EVENT_TYPES: ReadonlySet<string> = new Set(
  Object.keys({
    roundDealt: true,
    initialFlipped: true,
    deckDrawn: true,
    discardTaken: true,
    discardReturned: true,
    cardSwapped: true,
    cardDiscarded: true,
    cardFlipped: true,
    flipSkipped: true,
    wentOut: true,
    deckReshuffled: true,
    turnPassed: true,
    roundEnded: true,
    gameEnded: true,
  } satisfies Record<GolfEventType, true>),
);
