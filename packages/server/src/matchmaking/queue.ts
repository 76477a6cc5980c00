import type { Pool, Ticket } from './pool.ts';

/** Where a ticket stands. */
export type TicketStatus =
  | { state: 'waiting'; position: number; waiting: number; estimatedWaitMs: number | null }
  /** Taken into a table whose match is being created. */
  | { state: 'forming' }
  | { state: 'matched'; matchId: string }
  | { state: 'gone' };

/**
 * The matchmaking queue: in the process (`MemoryQueue`) or in Redis (`RedisQueue`, shared by every
 * node). Both pass the same suite (test/matchmaking-queue.test.ts).
 */
export interface MatchQueue {
  /** Puts the ticket in its pool; a user has one ticket at a time (an older one is cancelled). */
  enqueue(ticket: Ticket): Promise<void>;
  /** Takes the ticket out; false when it was not waiting (already matched or gone). */
  cancel(ticketId: string): Promise<boolean>;
  status(ticketId: string): Promise<TicketStatus>;
  /** The pools with someone waiting. */
  pools(): Promise<Pool[]>;
  /**
   * Takes groups out of a pool, atomically across nodes: `pick` chooses them from the waiting
   * tickets, and the chosen tickets leave the pool before anyone else can pick them.
   */
  take(pool: Pool, pick: (waiting: Ticket[]) => Ticket[][]): Promise<Ticket[][]>;
  /** Tells the tickets of a group their match (and records their waits for the estimate). */
  assign(tickets: readonly Ticket[], matchId: string, now: number): Promise<void>;
  /** A taken group whose match could not be created: its tickets are gone (queue again). */
  release(tickets: readonly Ticket[]): Promise<void>;
  close(): Promise<void>;
}

/** How many recent waits per pool make the estimate. */
export const WAIT_SAMPLES = 20;
/** How long a matched ticket's answer is kept for its player to read. */
export const ASSIGNMENT_TTL_MS = 60_000;
