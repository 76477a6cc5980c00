import type { Seat } from '@cardtable/engine';
import type { MatchStatus, PublicSeat } from '@cardtable/sdk';
import { seatNotices } from './seat-notices.ts';

/** The notices about the other people at a table: resigned, left, disconnected. */
export function SeatNotices(props: {
  seats: readonly PublicSeat[];
  status: MatchStatus | null;
  me: Seat | null;
  name: (seat: Seat) => string;
}) {
  return seatNotices(props.seats, props.status, props.me, props.name).map((notice) => (
    <p
      key={notice.seat}
      className="notice notice-warning"
      role="status"
      data-testid="seat-notice"
      data-kind={notice.kind}
    >
      {notice.text}
    </p>
  ));
}
