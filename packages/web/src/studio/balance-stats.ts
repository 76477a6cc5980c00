import type { MatchRecord } from '@cardtable/tcg';

/** Finished games by length in turns: `[label, count]` per bucket of `width` turns. */
export function lengthHistogram(
  records: readonly MatchRecord[],
  width = 2,
): { labels: string[]; counts: number[] } {
  const turns = records.filter((r) => r.outcome !== null).map((r) => r.turns);
  if (turns.length === 0) return { labels: [], counts: [] };
  const low = Math.floor(Math.min(...turns) / width) * width;
  const high = Math.max(...turns);
  const labels: string[] = [];
  const counts: number[] = [];
  for (let from = low; from <= high; from += width) {
    labels.push(width === 1 ? String(from) : `${from}–${from + width - 1}`);
    counts.push(turns.filter((t) => t >= from && t < from + width).length);
  }
  return { labels, counts };
}

/** A rate in [0, 1] as a percentage with no decimals. */
export const percent = (value: number): string => `${Math.round(value * 100)}%`;
