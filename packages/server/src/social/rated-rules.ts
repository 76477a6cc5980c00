import { isStandard, type GolfOptions } from '@cardtable/golf';

/**
 * Whether a match's rules count for ratings: Golf only with standard rules (the Golf spec, §5:
 * every option at its default but the deck count and the number of holes); other games always.
 */
export function rulesCountForRatings(game: string, options: unknown): boolean {
  if (game === 'golf') return isStandard(options as GolfOptions);
  return true;
}
