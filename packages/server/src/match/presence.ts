import type { PublicSeat } from '@cardtable/sdk/protocol';
import type { Logger } from 'pino';
import type { SeatRecord } from '../store/event-store.ts';
import type { Connection } from './connection.ts';
import { publicSeatsOf } from './match-record.ts';

/**
 * Who is here: a match's open connections, and its seats' presence. A player whose last socket
 * closes keeps the seat for a grace period; after it the seat is away (the timeout rule plays
 * it) until the player is back.
 */
export class Presence {
  readonly connections = new Set<Connection>();
  private readonly graceTimers = new Map<number, ReturnType<typeof setTimeout>>();
  private readonly awaySeats = new Set<number>();

  constructor(
    private readonly graceMs: number,
    private readonly log: Logger,
    /** Called when a seat's grace period ran out while the match is active. */
    private readonly onAway: (seat: number) => void,
    private readonly isActive: () => boolean,
  ) {}

  get size(): number {
    return this.connections.size;
  }

  /** Adds a connection; says whether its seat just connected and whether it was away. */
  add(connection: Connection): { arrived: boolean; returned: boolean } {
    const seat = connection.identity.seat;
    const arrived = seat !== null && !this.seatConnected(seat);
    this.connections.add(connection);
    if (seat === null) return { arrived, returned: false };
    this.stopGrace(seat);
    return { arrived, returned: this.awaySeats.delete(seat) };
  }

  /** Removes a connection; true when it was the last one of its seat. */
  remove(connection: Connection): { removed: boolean; seatLeft: boolean } {
    if (!this.connections.delete(connection)) return { removed: false, seatLeft: false };
    const seat = connection.identity.seat;
    const seatLeft = seat !== null && !this.seatConnected(seat);
    if (seatLeft && this.isActive()) this.startGrace(seat);
    return { removed: true, seatLeft };
  }

  /** Whether `userId` has a socket open on this match (as a player or a spectator). */
  userConnected(userId: string): boolean {
    for (const connection of this.connections)
      if (connection.identity.userId === userId) return true;
    return false;
  }

  seatConnected(seat: number): boolean {
    for (const connection of this.connections) if (connection.identity.seat === seat) return true;
    return false;
  }

  isAway(seat: number): boolean {
    return this.awaySeats.has(seat);
  }

  /** Starts the grace period of a seat nobody is connected to. */
  startGrace(seat: number): void {
    this.stopGrace(seat);
    const timer = setTimeout(() => {
      this.graceTimers.delete(seat);
      if (this.seatConnected(seat) || !this.isActive()) return;
      this.awaySeats.add(seat);
      this.log.info({ seat }, 'seat away after the disconnect grace period');
      this.onAway(seat);
    }, this.graceMs);
    timer.unref?.();
    this.graceTimers.set(seat, timer);
  }

  stopGraceTimers(): void {
    for (const timer of this.graceTimers.values()) clearTimeout(timer);
    this.graceTimers.clear();
  }

  /** Closes the sockets of a user whose seat changed, so they are welcomed in their new role. */
  closeUser(userId: string): void {
    for (const connection of [...this.connections]) {
      if (connection.identity.userId === userId) connection.close(4000, 'Seat changed: reconnect.');
    }
  }

  publicSeats(seats: readonly SeatRecord[]): PublicSeat[] {
    return publicSeatsOf(seats, {
      connected: (seat) => this.seatConnected(seat),
      away: (seat) => this.awaySeats.has(seat),
    });
  }

  private stopGrace(seat: number): void {
    const timer = this.graceTimers.get(seat);
    if (timer) clearTimeout(timer);
    this.graceTimers.delete(seat);
  }
}
