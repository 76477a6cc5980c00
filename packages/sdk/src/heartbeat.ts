export interface HeartbeatOptions {
  /** How often to PING, in milliseconds. */
  intervalMs: number;
  /** A socket that has been silent this long is dead, even if the OS has not noticed. */
  timeoutMs: number;
  sendPing(t: number): void;
  onDead(): void;
  now?: () => number;
}

/**
 * Keeps a socket honest: PINGs on an interval, and declares it dead when nothing at all (PONG
 * or any other frame) arrived within the timeout. A half-open TCP connection otherwise looks
 * alive for minutes.
 */
export class Heartbeat {
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastHeard = 0;
  private readonly now: () => number;

  constructor(private readonly options: HeartbeatOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.stop();
    this.lastHeard = this.now();
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Call for every frame received. */
  heard(): void {
    this.lastHeard = this.now();
  }

  private tick(): void {
    const now = this.now();
    if (now - this.lastHeard >= this.options.timeoutMs) {
      this.stop();
      this.options.onDead();
    } else {
      this.options.sendPing(now);
    }
  }
}
