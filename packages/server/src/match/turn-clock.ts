type Timer = ReturnType<typeof setTimeout>;

/**
 * Each active seat's turn clock: it starts when the seat becomes active and runs until the seat
 * is no longer active. One timer fires for the earliest deadline of the seats it watches.
 */
export class TurnClock {
  private readonly startedAt = new Map<number, number>();
  private timer: Timer | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** Starts the clock of every seat that just became active; forgets seats no longer active. */
  track(active: readonly number[]): void {
    const now = this.now();
    for (const seat of active) if (!this.startedAt.has(seat)) this.startedAt.set(seat, now);
    for (const seat of [...this.startedAt.keys()]) {
      if (!active.includes(seat)) this.startedAt.delete(seat);
    }
  }

  /** Forgets every clock (the match is not running). */
  reset(): void {
    this.stop();
    this.startedAt.clear();
  }

  /** When a seat's time runs out (ms since the epoch), or null without a limit or a clock. */
  endsAt(seat: number, limitMs: number | null): number | null {
    const started = this.startedAt.get(seat);
    return limitMs === null || started === undefined ? null : started + limitMs;
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
