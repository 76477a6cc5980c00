import type { CreateMatchRequest } from '@cardtable/sdk';

/** Who may watch the finished match, and whether joins by code wait for the host. */
export interface MatchAccess {
  /** 'private': only the players; 'link': anyone with the replay link. */
  replayPrivacy: 'private' | 'link';
  approveJoins: boolean;
}

/** The server's defaults: replays for the players only, joins by code seat at once. */
export const DEFAULT_ACCESS: MatchAccess = { replayPrivacy: 'private', approveJoins: false };

/** The create request's fields for these choices; the defaults are left out. */
export function accessRequest(
  access: MatchAccess = DEFAULT_ACCESS,
): Pick<CreateMatchRequest, 'replayPrivacy' | 'approveJoins'> {
  return {
    ...(access.replayPrivacy === 'link' ? { replayPrivacy: 'link' as const } : {}),
    ...(access.approveJoins ? { approveJoins: true } : {}),
  };
}
