import { createRng, seatViewer, type GameAction, type MatchState } from '@cardtable/engine';
import type { ActionBody } from '@cardtable/sdk/protocol';
import type { Logger } from 'pino';
import type { StoredAction } from '../store/event-store.ts';
import type { ActionOutcome, ActionSource, ActorSettings } from './context.ts';
import type { LiveMatch } from './live-match.ts';
import type { TurnClock } from './turn-clock.ts';

export interface AutomaticPlayerDeps {
  live: LiveMatch;
  clock: TurnClock;
  settings: ActorSettings;
  log: Logger;
  /** Seats whose player is away (past the disconnect grace period). */
  isAway: (seat: number) => boolean;
  /** Runs a task on the actor's serial queue. */
  run: (task: () => Promise<void>) => Promise<void>;
  /** The command pipeline, for the server's own moves. */
  execute: (seat: number, body: ActionBody, source: ActionSource) => Promise<ActionOutcome>;
}

type ServerSource = Exclude<ActionSource, 'player'>;

/** Refusals another move may avoid; any other (the store, a conflict, a drain) is retried later. */
const RULE_REFUSALS = new Set(['ILLEGAL_ACTION', 'INVALID_PAYLOAD']);
/** The first retry of a stalled automatic move, doubling up to the maximum. */
const RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;

/**
 * The server's own moves: a CPU seat's, a seat whose player left or is away, and the timeout
 * rule's when a turn clock runs out (the clock covers every active seat, the server's too). A
 * refused move is followed by every legal move in turn; when none is stored the match is
 * stalled, and the player tries again later with a growing delay, so no refusal ever leaves a
 * match without a way forward.
 */
export class AutomaticPlayer {
  private moveTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stall: { version: number; failures: number } | null = null;
  /** A version whose formality was refused: the seat is asked as usual instead. */
  private formalityRefused: number | null = null;

  constructor(private readonly deps: AutomaticPlayerDeps) {}

  /** Arms the next automatic move and the turn timer for the current state. */
  schedule(): void {
    const { live, clock } = this.deps;
    this.stopMoves();
    const match = live.match;
    if (!live.isActive || !match) {
      this.stop();
      clock.reset();
      return;
    }
    const active = live.activeSeats();
    clock.track(active);

    const version = match.version;
    // A stalled match waits for its retry, whatever else happens meanwhile.
    if (this.retryTimer && this.stall?.version === version) return;
    const formality = this.formality(active, version);
    if (formality) {
      this.moveTimer = setTimeout(() => {
        void this.deps.run(() => this.playFormality(formality.seat, version, formality.action));
      }, 0);
      return;
    }
    const automatic = active.find((seat) => this.playsItself(seat));
    if (automatic !== undefined) {
      const source: ServerSource = this.isCpu(automatic) ? 'cpu' : 'absent';
      this.moveTimer = setTimeout(() => {
        void this.deps.run(() => this.play(automatic, version, source));
      }, this.thinkDelay());
    }

    const limit = live.record.turnTimeLimitMs;
    if (limit === null) return;
    clock.arm(active, limit, (expired) => {
      void this.deps.run(async () => {
        for (const seat of expired) await this.play(seat, live.match?.version ?? -1, 'timeout');
      });
    });
  }

  /** A CPU move, a retry or a turn timer is armed: the match moves on by itself. */
  get armed(): boolean {
    return this.moveTimer !== null || this.retryTimer !== null || this.deps.clock.armed;
  }

  /** Stops every timer (the match is unloaded or the server drains). */
  stop(): void {
    this.stopMoves();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private stopMoves(): void {
    if (this.moveTimer) clearTimeout(this.moveTimer);
    this.moveTimer = null;
    this.deps.clock.stop();
  }

  /** The first active seat with a move the game plays for it at once (see `Game.autoPlay`). */
  private formality(
    active: readonly number[],
    version: number,
  ): { seat: number; action: GameAction } | null {
    if (this.formalityRefused === version) return null;
    for (const seat of active) {
      const action = this.deps.live.formalityFor(seat);
      if (action) return { seat, action };
    }
    return null;
  }

  /**
   * Plays a formality as a recorded action of the seat (`auto-<version>-<seat>`), so a replay
   * runs the same log; if it is refused, the seat is asked as usual.
   */
  private async playFormality(seat: number, version: number, action: GameAction): Promise<void> {
    const { live, execute, log } = this.deps;
    if (live.match?.version !== version || live.record.status !== 'active') return;
    const outcome = await execute(seat, bodyOf(`auto-${version + 1}-${seat}`, action), 'auto');
    if (outcome.ok || live.match?.version !== version) return;
    log.error({ seat, error: outcome.error }, 'automatic formality refused');
    this.formalityRefused = version;
    this.schedule();
  }

  private isCpu(seat: number): boolean {
    return this.deps.live.seat(seat)?.kind === 'cpu';
  }

  private playsItself(seat: number): boolean {
    const record = this.deps.live.seat(seat);
    return (
      !!record &&
      (record.kind === 'cpu' || !!record.left || !!record.surrendered || this.deps.isAway(seat))
    );
  }

  private thinkDelay(): number {
    const { min, max } = this.deps.settings.cpuThinkMs;
    return min + Math.floor(Math.random() * (max - min + 1));
  }

  /**
   * A CPU's move, or the timeout rule's for a person (the game's, else its steady CPU); when it
   * is refused, every legal move in turn. Ids are `<source>-<version>-<seat>[-<n>]`, stored as
   * the server's (no client id can equal one); `timedOutSeat` reads them back.
   */
  private async play(seat: number, expectedVersion: number, source: ServerSource): Promise<void> {
    const { live, execute, log } = this.deps;
    const match = live.match;
    if (!match || match.version !== expectedVersion || live.record.status !== 'active') return;
    if (!live.activeSeats().includes(seat)) return;
    const legal = live.game.legalActions(match.state, seat) as GameAction[];
    const choice = this.choose(match, seat, legal, source);
    const candidates = choice ? [choice, ...legal] : legal;
    const id = `${source}-${match.version + 1}-${seat}`;
    for (const [index, action] of candidates.entries()) {
      const actionId = index === 0 ? id : `${id}-${index}`;
      const outcome = await execute(seat, bodyOf(actionId, action), source);
      if (outcome.ok || live.match?.version !== expectedVersion) {
        this.stall = null;
        return;
      }
      log.error({ seat, source, actionId, error: outcome.error }, 'automatic move refused');
      if (!RULE_REFUSALS.has(outcome.error.code)) break;
    }
    this.stalled(expectedVersion);
  }

  /** Nothing could be played at this version: try again later, waiting longer each time. */
  private stalled(version: number): void {
    if (!this.deps.live.isActive) return;
    const failures = this.stall?.version === version ? this.stall.failures + 1 : 1;
    this.stall = { version, failures };
    const delay = Math.min(MAX_RETRY_MS, RETRY_MS * 2 ** (failures - 1));
    this.deps.log.error({ version, failures, retryInMs: delay }, 'match stalled; retrying');
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.schedule();
    }, delay);
    this.retryTimer.unref?.();
  }

  private choose(
    match: MatchState<unknown>,
    seat: number,
    legal: GameAction[],
    source: ServerSource,
  ): GameAction | null {
    const { live } = this.deps;
    const game = live.game;
    const seatRecord = live.seat(seat);
    const cpu = game.cpu;
    if (source === 'cpu' && cpu && seatRecord?.profile) {
      return cpu.choose({
        view: game.view(match.state, seatViewer(seat)),
        legal,
        seat,
        profile: seatRecord.profile,
        rng: createRng(`${match.config.seed}/cpu`, match.version + 1, seat),
      });
    }
    const ruled = game.timeoutAction(match.state, seat) as GameAction | null;
    if (ruled) return ruled;
    if (cpu && legal.length > 0) {
      return cpu.choose({
        view: game.view(match.state, seatViewer(seat)),
        legal,
        seat,
        profile: live.hosted.timeoutProfile ?? (cpu.profiles[0] as string),
        rng: createRng(`${match.config.seed}/timeout`, match.version + 1, seat),
      });
    }
    return legal[0] ?? null;
  }
}

/**
 * The seat whose turn clock ran out, when a stored action is the move the timeout rule played
 * for it (ids `timeout-<version>-<seat>[-<n>]`, see `play`); else null.
 */
export function timedOutSeat(
  action: Pick<StoredAction, 'source' | 'actionId' | 'seat'> | null,
): number | null {
  return action?.source === 'server' && action.actionId.startsWith('timeout-') ? action.seat : null;
}

const bodyOf = (actionId: string, action: GameAction): ActionBody => ({
  actionId,
  clientSeq: 0,
  type: action.type,
  payload: action.payload,
});
