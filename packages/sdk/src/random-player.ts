import type { ActionOutcome } from './action-tracker.ts';
import type { LegalUpdate, MatchConnection } from './connection.ts';
import type { LegalAction } from './protocol.ts';

/** Refusals that say "not now" rather than "not this": the same list is tried again later. */
const TRANSIENT: ReadonlySet<string> = new Set(['RATE_LIMITED', 'SHUTTING_DOWN']);
const TRANSIENT_RETRY_MS = 250;

/** What a player reports for each action: when it was sent and how it ended. */
export interface ActionSample {
  sentAt: number;
  latencyMs: number;
  outcome: ActionOutcome;
}

export interface PlayerOptions {
  thinkMs: number;
  onResult?(sample: ActionSample): void;
  random?: () => number;
  now?: () => number;
}

/**
 * A generic player: whenever the server lists legal actions for its seat, it waits `thinkMs`
 * and sends one of them at random, one action at a time. It knows no rules.
 */
export class RandomPlayer {
  private latest: LegalUpdate | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private acting = false;
  /** The version of the last list retried after a refusal: one retry per list, no loops. */
  private retriedVersion = -1;
  private stopped = false;
  private readonly off: () => void;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(
    private readonly connection: MatchConnection,
    private readonly options: PlayerOptions,
  ) {
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => performance.now());
    this.off = connection.on('legal', (update) => {
      this.latest = update;
      this.schedule(options.thinkMs);
    });
    // Joining a connection already under way: start from what it was last offered.
    if (connection.status !== null) {
      this.latest = {
        version: connection.legalVersion,
        status: connection.status,
        legal: connection.legal,
        turnEndsAt: connection.turnEndsAt,
        clocks: connection.clocks,
      };
      this.schedule(options.thinkMs);
    }
  }

  stop(): void {
    this.stopped = true;
    this.off();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    if (this.stopped || this.acting || this.timer !== null) return;
    if (!this.latest || this.latest.status !== 'active' || this.latest.legal.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.play();
    }, delayMs);
  }

  private async play(): Promise<void> {
    const update = this.latest;
    if (this.stopped || !update || update.legal.length === 0) return;
    const action = update.legal[Math.floor(this.random() * update.legal.length)] as LegalAction;
    // This list is spent: the next action waits for the LEGAL that follows this one's result.
    this.latest = { ...update, legal: [] };
    this.acting = true;
    const sentAt = this.now();
    const outcome = await this.connection.act(action, { knownVersion: update.version });
    this.acting = false;
    if (this.stopped) return;
    this.options.onResult?.({ sentAt, latencyMs: this.now() - sentAt, outcome });
    const nothingNewer = this.latest.legal.length === 0 && this.latest.version === update.version;
    if (!outcome.ok && nothingNewer) {
      if (TRANSIENT.has(outcome.error.code)) {
        // Told to slow down (or the server is restarting): the list still stands, later.
        this.latest = update;
        this.schedule(Math.max(this.options.thinkMs, TRANSIENT_RETRY_MS));
        return;
      }
      if (this.retriedVersion !== update.version) {
        // Refused and nothing newer came: the list may still stand; try it once more.
        this.retriedVersion = update.version;
        this.latest = update;
      }
    }
    this.schedule(this.options.thinkMs);
  }
}
