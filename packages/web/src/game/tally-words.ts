import type { RoundResult } from '@cardtable/golf';
import { ADJUSTMENT_LABELS } from './rule-text.ts';
import { formatDelta } from './score-preview.ts';

type SeatScore = RoundResult['scores'][number];

/** A hole's column scores as a sum that reads: "9 + 13 − 1", "−2 + 0 + 5" (never "+ -1"). */
export function columnSum(columns: readonly number[]): string {
  return columns
    .map((score, i) =>
      i === 0
        ? score < 0
          ? `−${-score}`
          : `${score}`
        : `${score < 0 ? '−' : '+'} ${Math.abs(score)}`,
    )
    .join(' ');
}

/** A seat's adjustments in words with signed points ("Knock bonus −5"), or a dash for none. */
export function adjustmentsText(adjustments: SeatScore['adjustments']): string {
  return adjustments.length === 0
    ? '–'
    : adjustments.map((a) => `${ADJUSTMENT_LABELS[a.kind]} ${formatDelta(a.points)}`).join(', ');
}
