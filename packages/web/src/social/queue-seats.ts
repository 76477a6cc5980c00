/** Queues form tables of two to four people at most: more would wait too long. */
const QUEUE_MAX_SEATS = 4;
export const GOLF_QUEUE_SEATS = { min: 2, max: QUEUE_MAX_SEATS };

/** The player counts a queue for a game offers: its seats, between two and four. */
export function playerCounts(range: { min: number; max: number }): number[] {
  const counts: number[] = [];
  for (let n = Math.max(2, range.min); n <= Math.min(QUEUE_MAX_SEATS, range.max); n++)
    counts.push(n);
  return counts.length > 0 ? counts : [2];
}
