import type { SessionService } from './sessions.ts';

export type SocketEnd = 'revoked' | 'expired';

interface Held {
  sessionId: string;
  end: (why: SocketEnd) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Timers past this are not set (setTimeout's limit); such a token is re-checked later. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The sessions behind open sockets. A socket ends when its access token expires (the client
 * reconnects with a fresh one) or its session is revoked: at once when revoked on this node, and
 * within `checkMs` when revoked on another (a periodic check of the sessions held here).
 */
export class SocketSessions {
  private readonly held = new Set<Held>();
  private readonly check: ReturnType<typeof setInterval>;
  private readonly stopListening: () => void;

  constructor(
    private readonly sessions: SessionService,
    checkMs: number,
  ) {
    this.stopListening = sessions.onRevoke((ids) => this.endSessions(new Set(ids)));
    this.check = setInterval(() => void this.checkRevoked(), checkMs);
    this.check.unref();
  }

  /** Holds a socket until `untrack` (its close); `end` is called at most once. */
  track(sessionId: string, expiresAt: number, end: (why: SocketEnd) => void): () => void {
    const held: Held = {
      sessionId,
      end: (why) => {
        this.untrack(held);
        end(why);
      },
      timer: setTimeout(
        () => held.end('expired'),
        Math.min(MAX_TIMER_MS, Math.max(0, expiresAt - Date.now())),
      ),
    };
    held.timer.unref();
    this.held.add(held);
    return () => this.untrack(held);
  }

  stop(): void {
    clearInterval(this.check);
    this.stopListening();
    for (const held of this.held) clearTimeout(held.timer);
    this.held.clear();
  }

  private untrack(held: Held): void {
    clearTimeout(held.timer);
    this.held.delete(held);
  }

  private endSessions(ids: ReadonlySet<string>): void {
    for (const held of [...this.held]) if (ids.has(held.sessionId)) held.end('revoked');
  }

  private async checkRevoked(): Promise<void> {
    const ids = [...new Set([...this.held].map((held) => held.sessionId))];
    const revoked = await this.sessions.revokedAmong(ids).catch(() => []);
    if (revoked.length > 0) this.endSessions(new Set(revoked));
  }
}
