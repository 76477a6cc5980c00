import type { Seat } from '@cardtable/engine';
import type { SeatDeadline } from '@cardtable/sdk';

/** A turn clock to show, in server time (ms since the epoch). */
export interface ShownClock {
  seat: Seat;
  /** When it starts running (after the hole tally, it starts later than it is announced). */
  startsAt: number;
  /** When the seat's time runs out. */
  endsAt: number;
}

/**
 * The clock to show, from the server's clocks (every seat that must act, sent with each LEGAL
 * and WELCOME to every viewer): the viewer's own while it runs, else the first seat's.
 */
export function shownClock(clocks: readonly SeatDeadline[], me: Seat | null): ShownClock | null {
  const clock = clocks.find((c) => c.seat === me) ?? clocks[0];
  if (!clock) return null;
  return {
    seat: clock.seat,
    startsAt: Date.parse(clock.startsAt),
    endsAt: Date.parse(clock.endsAt),
  };
}
