import type { Seat } from '@cardtable/engine';
import type { MatchStatus, PublicSeat } from '@cardtable/sdk';

export interface SeatNotice {
  seat: Seat;
  kind: 'resigned' | 'away' | 'disconnected';
  text: string;
}

/**
 * What the table should know about the other people at it while the match goes on, from the
 * public seats alone: who resigned, who left (or stayed away past the grace period, so the
 * timeout rule plays their turns) and who lost their connection and may come back. None once
 * the match is over: the game-over panel says who resigned, and once is enough.
 */
export function seatNotices(
  seats: readonly PublicSeat[],
  status: MatchStatus | null,
  me: Seat | null,
  name: (seat: Seat) => string,
): SeatNotice[] {
  if (status !== 'active') return [];
  return seats.flatMap((seat): SeatNotice[] => {
    if (seat.seat === me || seat.kind !== 'human' || !seat.taken) return [];
    const who = name(seat.seat);
    if (seat.surrendered) return [{ seat: seat.seat, kind: 'resigned', text: `${who} resigned.` }];
    if (seat.away) {
      return [
        {
          seat: seat.seat,
          kind: 'away',
          text: `${who} left the table: their turns are played automatically.`,
        },
      ];
    }
    if (!seat.connected) {
      return [
        {
          seat: seat.seat,
          kind: 'disconnected',
          text: `${who} lost their connection. Waiting for them to come back…`,
        },
      ];
    }
    return [];
  });
}
