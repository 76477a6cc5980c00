import type { CreateMatchRequest } from '@cardtable/sdk';

/**
 * Who may watch the finished match, whether joins by code wait for the host, whether the table
 * is listed in the lobby (an open table) and whether it counts for ratings.
 */
export interface MatchAccess {
  /** 'private': only the players; 'link': anyone with the replay link. */
  replayPrivacy: 'private' | 'link';
  approveJoins: boolean;
  /** Public: listed in the lobby for anyone to join; else private (invite code only). */
  listed?: boolean;
  rated?: boolean;
}

/** The server's defaults: private, casual, replays for the players only, joins seat at once. */
export const DEFAULT_ACCESS: MatchAccess = { replayPrivacy: 'private', approveJoins: false };

/** The create request's fields for these choices; the defaults are left out. */
export function accessRequest(
  access: MatchAccess = DEFAULT_ACCESS,
): Pick<CreateMatchRequest, 'replayPrivacy' | 'approveJoins' | 'listed' | 'rated'> {
  return {
    ...(access.replayPrivacy === 'link' ? { replayPrivacy: 'link' as const } : {}),
    ...(access.approveJoins ? { approveJoins: true } : {}),
    ...(access.listed ? { listed: true } : {}),
    ...(access.rated ? { rated: true } : {}),
  };
}

/**
 * Why the rated box is off, or null when a table may be rated: the same rules the server checks
 * (an account, standard rules, another person's seat).
 */
export function ratedBlock(choice: {
  guest: boolean;
  standardRules: boolean;
  otherPeople: number;
}): string | null {
  if (choice.guest) return 'Rated play needs an account: sign up to play rated tables.';
  if (!choice.standardRules)
    return 'Only standard rules count for ratings: turn off house rules, jokers, flips after discarding and changed starting flips.';
  if (choice.otherPeople < 1) return 'A rated table needs a seat for another person.';
  return null;
}
