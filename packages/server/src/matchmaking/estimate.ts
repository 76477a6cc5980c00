import type { TicketStatus } from './queue.ts';

/** A waiting ticket's status: its place, the pool's size, and what recent waits suggest is left. */
export function waitingStatus(
  position: number,
  waiting: number,
  recentWaits: readonly number[],
  waitedMs: number,
): TicketStatus {
  const average =
    recentWaits.length === 0 ? null : recentWaits.reduce((a, b) => a + b, 0) / recentWaits.length;
  return {
    state: 'waiting',
    position,
    waiting,
    estimatedWaitMs: average === null ? null : Math.max(0, Math.round(average - waitedMs)),
  };
}
