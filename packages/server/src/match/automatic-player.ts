import { createRng, seatViewer, type GameAction, type MatchState } from '@cardtable/engine';
import type { ActionBody } from '@cardtable/sdk/protocol';
import type { Logger } from 'pino';
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

/**
 * The server's own moves: a CPU seat's, a seat whose player left or is away, and the timeout
 * rule's when a turn clock runs out. `schedule` arms both after every change of the match.
 */
export class AutomaticPlayer {
  private moveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: AutomaticPlayerDeps) {}

  /** Arms the next automatic move and the turn timer for the current state. */
  schedule(): void {
    const { live, clock } = this.deps;
    this.stop();
    const match = live.match;
    if (!live.isActive || !match) {
      clock.reset();
      return;
    }
    const active = live.activeSeats();
    clock.track(active);

    const version = match.version;
    const automatic = active.find((seat) => this.playsItself(seat));
    if (automatic !== undefined) {
      const source: ServerSource = this.isCpu(automatic) ? 'cpu' : 'timeout';
      this.moveTimer = setTimeout(() => {
        void this.deps.run(() => this.play(automatic, version, source));
      }, this.thinkDelay());
    }

    const limit = live.record.turnTimeLimitMs;
    if (limit === null) return;
    const waiting = active.filter((seat) => !this.playsItself(seat));
    clock.arm(waiting, limit, (expired) => {
      void this.deps.run(async () => {
        for (const seat of expired) await this.play(seat, live.match?.version ?? -1, 'timeout');
      });
    });
  }

  stop(): void {
    if (this.moveTimer) clearTimeout(this.moveTimer);
    this.moveTimer = null;
    this.deps.clock.stop();
  }

  private isCpu(seat: number): boolean {
    return this.deps.live.seat(seat)?.kind === 'cpu';
  }

  private playsItself(seat: number): boolean {
    const record = this.deps.live.seat(seat);
    return !!record && (record.kind === 'cpu' || !!record.left || this.deps.isAway(seat));
  }

  private thinkDelay(): number {
    const { min, max } = this.deps.settings.cpuThinkMs;
    return min + Math.floor(Math.random() * (max - min + 1));
  }

  /** A CPU's move, or the timeout rule's for a person (the game's, else its steady CPU). */
  private async play(seat: number, expectedVersion: number, source: ServerSource): Promise<void> {
    const { live, execute } = this.deps;
    const match = live.match;
    if (!match || match.version !== expectedVersion || live.record.status !== 'active') return;
    if (!live.activeSeats().includes(seat)) return;
    const legal = live.game.legalActions(match.state, seat) as GameAction[];
    const choice = this.choose(match, seat, legal, source);
    const version = match.version + 1;
    const actionId = `${source}-${version}-${seat}`;
    const outcome = choice ? await execute(seat, bodyOf(actionId, choice), source) : null;
    if (!outcome?.ok && legal[0] && live.match?.version === expectedVersion) {
      // A CPU that picks a refused move must not stall the match: play the first legal move.
      this.deps.log.error(
        { seat, outcome },
        'automatic move refused; playing the first legal move',
      );
      await execute(seat, bodyOf(`${actionId}-fallback`, legal[0]), source);
    }
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

const bodyOf = (actionId: string, action: GameAction): ActionBody => ({
  actionId,
  clientSeq: 0,
  type: action.type,
  payload: action.payload,
});
