import type { Seat } from '@cardtable/engine';
import type { GolfView } from '@cardtable/golf';

/**
 * Each active seat's turn clock as the server runs it: a seat's clock starts with the
 * resolution that made it active and runs until it is no longer active. Starts are server time
 * (the resolutions' `ts`), so every viewer sees the same clock for the seat to move. A start is
 * null when the seat was already active when this viewer arrived (a WELCOME mid-turn).
 */
export type TurnStarts = ReadonlyMap<Seat, number | null>;

export interface ShownClock {
  seat: Seat;
  /** Server time (ms since the epoch) the seat's time runs out. */
  endsAt: number;
}

/** The seats whose clock is running in a view. */
export function activeSeats(view: GolfView): Seat[] {
  const phase = view.phase;
  if (phase.kind === 'turn') return [phase.seat];
  if (phase.kind === 'initialFlip') return [...phase.pending];
  return [];
}

/** The clocks of a view first seen mid-turn: running, since a time this viewer never saw. */
export function unknownStarts(view: GolfView): TurnStarts {
  return new Map(activeSeats(view).map((seat) => [seat, null]));
}

/** The clocks after a step at server time `at` left the table in `view`. */
export function advanceTurnStarts(starts: TurnStarts, view: GolfView, at: number): TurnStarts {
  return new Map(
    activeSeats(view).map((seat) => [seat, starts.has(seat) ? (starts.get(seat) ?? null) : at]),
  );
}

/**
 * Whether a step by `seat` at server time `at` was the timeout rule's: it came when that seat's
 * time was already up (the server plays a timed-out turn only once its deadline has passed).
 */
export function isTimedOut(
  starts: TurnStarts,
  seat: Seat | null,
  at: number,
  limitMs: number | null,
): boolean {
  if (seat === null || limitMs === null) return false;
  const started = starts.get(seat);
  return started !== undefined && started !== null && at >= started + limitMs;
}

/**
 * The clock to show: the viewer's own while it runs, else the first active seat's that is
 * known. `ownEndsAt` is the server's word for the viewer's clock (WELCOME), used when the start
 * was not seen.
 */
export function shownClock(
  starts: TurnStarts,
  me: Seat | null,
  limitMs: number | null,
  ownEndsAt: number | null,
): ShownClock | null {
  if (limitMs === null) return null;
  if (me !== null && starts.has(me)) {
    const started = starts.get(me);
    if (started !== null && started !== undefined) return { seat: me, endsAt: started + limitMs };
    return ownEndsAt === null ? null : { seat: me, endsAt: ownEndsAt };
  }
  for (const [seat, started] of starts) {
    if (started !== null) return { seat, endsAt: started + limitMs };
  }
  return null;
}
