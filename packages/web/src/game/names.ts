import type { Seat } from '@cardtable/engine';

/** What the app knows of a seat: a live PublicSeat or a replay's SeatConfig both fit. */
export interface NamedSeat {
  kind: 'human' | 'cpu';
  name?: string;
  profile?: string;
}

/** A seat's display name: its name, else the CPU's personality, else "Player n". */
export function seatName(seats: readonly NamedSeat[], seat: Seat): string {
  const config = seats[seat];
  return config?.name || config?.profile || `Player ${seat + 1}`;
}
