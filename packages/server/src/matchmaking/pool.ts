import type { QueueMode } from '@cardtable/sdk/social';

/** Casual queues ignore ratings; rated ones match by rating and count for ratings. */
export type { QueueMode };

/** One queue: players who want the same game, version, mode and table size. */
export interface Pool {
  game: string;
  version: string;
  mode: QueueMode;
  seats: number;
}

export const poolKey = (pool: Pool): string =>
  `${pool.mode}:${pool.game}:${pool.version}:${pool.seats}`;

/** A player waiting in a pool. */
export interface Ticket {
  id: string;
  userId: string;
  name: string;
  pool: Pool;
  /** The player's rating in the pool's game and version (1500 for a newcomer). */
  rating: number;
  /** When they joined the queue (ms since the epoch). */
  enqueuedAt: number;
}

export interface RatingWindow {
  /** The rating difference accepted at once. */
  initial: number;
  /** How much it widens per second of waiting. */
  perSecond: number;
  /** The widest it gets. */
  max: number;
}

export const DEFAULT_WINDOW: Readonly<RatingWindow> = Object.freeze({
  initial: 100,
  perSecond: 10,
  max: 1000,
});

/** The rating difference a ticket accepts after waiting `waitedMs`. */
export const windowAfter = (window: RatingWindow, waitedMs: number): number =>
  Math.min(window.max, window.initial + (window.perSecond * Math.max(0, waitedMs)) / 1000);
