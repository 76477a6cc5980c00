import type { MatchMetadata, PublicSeat } from '@cardtable/sdk';

/** How the lobby shows a seat: the host's controls depend on it. */
export type LobbySeatState = 'cpu' | 'open' | 'pending' | 'seated';

export function lobbySeatState(seat: PublicSeat): LobbySeatState {
  if (seat.kind === 'cpu') return 'cpu';
  if (!seat.taken) return 'open';
  return seat.pending ? 'pending' : 'seated';
}

/** The host's seat: whoever creates a match takes its first human seat. */
export const hostSeatOf = (seats: readonly PublicSeat[]): number | null => {
  const index = seats.findIndex((seat) => seat.kind === 'human');
  return index === -1 ? null : index;
};

/** The seats the host may approve or remove: taken by someone else, before the start. */
export const hostMayRemove = (seat: PublicSeat, host: number | null): boolean =>
  seat.seat !== host && seat.kind === 'human' && seat.taken;

/** The open seats still to fill before the start; a pending seat counts as open. */
export const seatsToFill = (seats: readonly PublicSeat[]): number =>
  seats.filter((seat) => {
    const state = lobbySeatState(seat);
    return state === 'open' || state === 'pending';
  }).length;

/** At an open table: the people seated, other than the host, who are not ready yet. */
export const unreadyOthers = (seats: readonly PublicSeat[], host: number | null): PublicSeat[] =>
  seats.filter((seat) => seat.seat !== host && lobbySeatState(seat) === 'seated' && !seat.ready);

/** The replay page of a match shared by link: anyone holding this URL may watch it. */
export const replayLinkUrl = (origin: string, matchId: string, token: string): string =>
  `${origin}/replay/${encodeURIComponent(matchId)}?link=${encodeURIComponent(token)}`;

/**
 * The address that shows a finished match's replay to someone else, or null when none does: a
 * private replay's bare address only tells them it is its players' own. A replay shared by link
 * is handed on with its token, the one its players see or the one it was opened with.
 */
export function replayShareUrl(
  origin: string,
  matchId: string,
  meta: Pick<MatchMetadata, 'replayPrivacy' | 'replayLink'> | null,
  openedWith: string | undefined,
): string | null {
  const token = meta?.replayPrivacy === 'link' && meta.replayLink ? meta.replayLink : openedWith;
  return token ? replayLinkUrl(origin, matchId, token) : null;
}
