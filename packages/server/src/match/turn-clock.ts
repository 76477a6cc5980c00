type Timer = ReturnType<typeof setTimeout>;

/** A seat's running clock: when it started and, with a limit, when it runs out (ms). */
export interface SeatClock {
  seat: number;
  startsAt: number;
  endsAt: number;
}

/**
 * Each active seat's turn clock: it starts when the seat becomes active and runs until the seat
 * is no longer active. While the table shows a summary (`pauseUntil`), a seat that becomes
 * active starts its clock only when the pause ends. One timer fires for the earliest deadline of
 * the seats it watches.
 */
export class TurnClock {
  private readonly startedAt = new Map<number, number>();
  private pausedUntil = 0;
  private timer: Timer | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** Clocks that start from now until `until` (ms since the epoch) start at `until` instead. */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** Starts the clock of every seat that just became active; forgets seats no longer active. */
  track(active: readonly number[]): void {
    const startsAt = Math.max(this.now(), this.pausedUntil);
    for (const seat of active) if (!this.startedAt.has(seat)) this.startedAt.set(seat, startsAt);
    for (const seat of [...this.startedAt.keys()]) {
      if (!active.includes(seat)) this.startedAt.delete(seat);
    }
  }

  /** Forgets every clock (the match is not running). */
  reset(): void {
    this.stop();
    this.startedAt.clear();
    this.pausedUntil = 0;
  }

  /** When a seat's time runs out (ms since the epoch), or null without a limit or a clock. */
  endsAt(seat: number, limitMs: number | null): number | null {
    const started = this.startedAt.get(seat);
    return limitMs === null || started === undefined ? null : started + limitMs;
  }

  /** The running clocks, by seat (none without a limit). */
  clocks(limitMs: number | null): SeatClock[] {
    if (limitMs === null) return [];
    return [...this.startedAt]
      .sort(([a], [b]) => a - b)
      .map(([seat, startsAt]) => ({ seat, startsAt, endsAt: startsAt + limitMs }));
  }

  /** Calls `onExpired` with the watched seats whose time ran out, at the earliest deadline. */
  arm(seats: readonly number[], limitMs: number, onExpired: (seats: number[]) => void): void {
    this.stop();
    const deadlines = seats.flatMap((seat) => {
      const endsAt = this.endsAt(seat, limitMs);
      return endsAt === null ? [] : [{ seat, endsAt }];
    });
    if (deadlines.length === 0) return;
    const first = Math.min(...deadlines.map((d) => d.endsAt));
    this.timer = setTimeout(
      () => {
        this.timer = null;
        const now = this.now();
        const expired = deadlines.filter((d) => d.endsAt <= now).map((d) => d.seat);
        // A timer may fire a little before the clock says the time is up (Node times it from
        // the event loop's cached time, which lags under load): then wait out the rest.
        if (expired.length === 0) this.arm(seats, limitMs, onExpired);
        else onExpired(expired);
      },
      Math.max(0, first - this.now()),
    );
  }

  get armed(): boolean {
    return this.timer !== null;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
