import {
  seatViewer,
  SPECTATOR,
  stateHash,
  type AnyGame,
  type Outcome,
  type Viewer,
} from '@cardtable/engine';
import type {
  ActionBody,
  ErrorBody,
  MatchMetadata,
  MatchStateResponse,
  PublicSeat,
  ResumeMessage,
  ServerMessage,
} from '@cardtable/sdk/protocol';
import type { Logger } from 'pino';
import { errorBody } from '../errors.ts';
import type { HostedGame } from '../games.ts';
import type { EventStore, MatchRecord } from '../store/event-store.ts';
import { ActionLedger } from './action-ledger.ts';
import { AutomaticPlayer, timedOutSeat } from './automatic-player.ts';
import { CommandPipeline } from './command-pipeline.ts';
import {
  Connection,
  type ConnectionIdentity,
  type Framing,
  type SocketLike,
} from './connection.ts';
import type { ActionOutcome, ActorContext } from './context.ts';
import { LiveMatch } from './live-match.ts';
import { Lobby, type Joiner, type RematchOffer } from './lobby.ts';
import { metadataOf } from './match-record.ts';
import { Presence } from './presence.ts';
import { ResolutionWriter, type Committed } from './resolution-writer.ts';
import { RecentHistory } from './recent-history.ts';
import { resume } from './resume.ts';
import { SerialQueue } from './serial-queue.ts';
import { MatchStream } from './stream.ts';
import { TurnClock } from './turn-clock.ts';

export type { ActionOutcome, ActorContext, ActorSettings } from './context.ts';
export { matchConfig, metadataOf } from './match-record.ts';

/**
 * The only writer of one match, and the facade of its parts. Every change (an action, a join,
 * the start, a timeout, a CPU move, a surrender) runs through one serial queue: the command
 * pipeline decides and stores it, the writer commits it in memory, and the stream hands each
 * connection its projection; presence tracks who is here, the automatic player and the turn
 * clock play for seats nobody plays.
 */
export class MatchActor {
  private readonly queue: SerialQueue;
  private readonly presence: Presence;
  private readonly clock = new TurnClock();
  private readonly history: RecentHistory;
  private readonly stream: MatchStream;
  private readonly writer: ResolutionWriter;
  private readonly commands: CommandPipeline;
  private readonly automatic: AutomaticPlayer;
  private readonly lobby: Lobby;
  private readonly log: Logger;
  private readonly exports = new Map<string, { version: number; file: Promise<unknown> }>();

  private constructor(
    private readonly live: LiveMatch,
    private readonly ctx: ActorContext,
    ledger: ActionLedger,
  ) {
    this.log = ctx.log.child({ matchId: live.id });
    this.queue = new SerialQueue(this.log);
    this.presence = new Presence(
      ctx.settings.disconnectGraceMs,
      this.log,
      () => {
        this.stream.broadcastStatus();
        this.schedule();
      },
      () => live.record.status === 'active',
    );
    this.history = new RecentHistory(live.game, live.id, ctx.settings.resumeMaxSteps);
    this.stream = new MatchStream(live, this.presence, this.history, () =>
      this.clock.clocks(live.record.turnTimeLimitMs),
    );
    this.writer = new ResolutionWriter(live, ctx, this.log, {
      committed: (committed) => this.committed(committed),
      conflict: () => this.catchUp(),
    });
    this.commands = new CommandPipeline(live, ledger, this.writer, ctx.metrics, this.log);
    this.automatic = new AutomaticPlayer({
      live,
      clock: this.clock,
      settings: ctx.settings,
      log: this.log,
      isAway: (seat) => this.presence.isAway(seat),
      run: (task) => this.queue.run(task),
      execute: (seat, body, source) => this.commands.execute(seat, body, source),
    });
    this.lobby = new Lobby(live, ctx, this.writer, this.stream, this.presence, () =>
      this.schedule(),
    );
  }

  /** Rebuilds a match from its latest snapshot plus the events after it. */
  static async load(
    record: MatchRecord,
    hosted: HostedGame,
    ctx: ActorContext,
  ): Promise<MatchActor> {
    const rebuilt = await rebuildFromStore(record, hosted, ctx.store);
    const actor = new MatchActor(rebuilt.live, ctx, rebuilt.ledger);
    actor.history.addRebuilt(rebuilt.before, rebuilt.recent);
    if (record.status === 'active') {
      // Nobody is connected to a match just rebuilt: its people get the usual grace period.
      record.seats.forEach((seat, index) => {
        if (seat.kind === 'human' && !seat.left) actor.presence.startGrace(index);
      });
      actor.schedule();
    }
    return actor;
  }

  get id(): string {
    return this.live.id;
  }

  get status() {
    return this.live.record.status;
  }

  get connectionCount(): number {
    return this.presence.size;
  }

  /** A task (action, join, CPU move...) is queued or running. */
  get busy(): boolean {
    return this.queue.busy;
  }

  /**
   * A CPU move or a turn timer is armed: the match moves on by itself. (A grace period alone
   * does not count: a match reloaded later gives its people a fresh one.)
   */
  get movesPending(): boolean {
    return this.automatic.armed;
  }

  /** The game this match plays (its pinned content version, or a built-in game). */
  get game(): AnyGame {
    return this.live.game;
  }

  get matchRecord(): MatchRecord {
    return this.live.record;
  }

  seatOf(userId: string): number | null {
    return this.live.seatOf(userId);
  }

  /** Whether `userId` is watching or playing this match right now (has a socket open on it). */
  isConnected(userId: string): boolean {
    return this.presence.userConnected(userId);
  }

  // Connections ---------------------------------------------------------------------------

  /**
   * Opens a connection for a user (a player when they hold a seat, else a spectator), framed
   * as its client asked.
   */
  connect(
    socket: SocketLike,
    userId: string,
    ip: string,
    framing: Framing = 'step',
  ): Connection | ErrorBody {
    if (this.live.draining) return errorBody('SHUTTING_DOWN', 'The server is restarting.');
    const seat = this.seatOf(userId);
    // Spectators cannot crowd out a player: a place is kept for each one not connected now.
    const kept = this.seatsAwaited(seat);
    if (this.presence.size + kept >= this.ctx.settings.maxConnectionsPerMatch) {
      return errorBody('TOO_MANY_CONNECTIONS', 'This match has too many connections.');
    }
    const viewer: Viewer = seat === null ? SPECTATOR : seatViewer(seat);
    const identity: ConnectionIdentity = { userId, seat, viewer, ip };
    const connection = new Connection(
      socket,
      identity,
      this.ctx.settings.ackTimeoutMs,
      this.ctx.metrics,
      (backlogged) => this.stream.restart(backlogged),
      undefined,
      framing,
    );
    const { arrived, returned } = this.presence.add(connection);
    this.ctx.metrics.connections.inc({ role: seat === null ? 'spectator' : 'player' });
    this.stream.restart(connection);
    if (arrived || returned) this.stream.broadcastStatus();
    if (returned) this.schedule();
    return connection;
  }

  /** Seats of players (but `seat`'s) with no connection open now: places kept for them. */
  private seatsAwaited(seat: number | null): number {
    return this.live.record.seats.filter(
      (held, index) =>
        held.kind === 'human' &&
        held.userId !== undefined &&
        !held.left &&
        index !== seat &&
        !this.presence.seatConnected(index),
    ).length;
  }

  disconnect(connection: Connection): void {
    const { removed, seatLeft } = this.presence.remove(connection);
    if (!removed) return;
    connection.dispose();
    const seat = connection.identity.seat;
    this.ctx.metrics.connections.dec({ role: seat === null ? 'spectator' : 'player' });
    if (seatLeft) this.stream.broadcastStatus();
  }

  // Actions -------------------------------------------------------------------------------

  /**
   * A player's ACTION: answers it with exactly one ACTION_RESULT on the connection. An accepted
   * action's result goes out before the resolution's events, so a client that waits for its
   * result and then for the next LEGAL never misses it.
   */
  act(connection: Connection, body: ActionBody): Promise<ActionOutcome> {
    let answered = false;
    const answer = (outcome: ActionOutcome) => {
      if (answered) return outcome;
      answered = true;
      connection.send(actionResult(body.actionId, outcome));
      return outcome;
    };
    const seat = connection.identity.seat;
    if (seat === null) {
      return Promise.resolve(
        answer(this.commands.refuse(body.actionId, 'NOT_A_PLAYER', 'Spectators watch.')),
      );
    }
    // Refused at once while draining, so the drain never waits on work queued after it began.
    if (this.live.draining) {
      return Promise.resolve(
        answer(this.commands.refuse(body.actionId, 'SHUTTING_DOWN', 'The server is restarting.')),
      );
    }
    return this.queue
      .run(() =>
        this.commands.execute(seat, body, 'player', (version) => answer({ ok: true, version })),
      )
      .then(answer);
  }

  /** RESUME (a message, or the position in the socket URL): see `resume.ts`. */
  resume(connection: Connection, message: Omit<ResumeMessage, 'type'>): ErrorBody | null {
    return resume(this.history, this.stream, connection, message);
  }

  /** Projections this match made for viewers (fan-out and RESUMEs), for tests and metrics. */
  get projectionsMade(): number {
    return this.history.projectionsMade;
  }

  /**
   * An export of this match, built once per version and kind (`key`): a live match's log is not
   * projected again for every request.
   */
  cachedExport<T>(key: string, build: () => Promise<T>): Promise<T> {
    const version = this.live.record.version;
    const cached = this.exports.get(key);
    if (cached?.version === version) return cached.file as Promise<T>;
    const file = build();
    this.exports.set(key, { version, file });
    file.catch(() => {
      if (this.exports.get(key)?.file === file) this.exports.delete(key);
    });
    return file;
  }

  // Lobby ---------------------------------------------------------------------------------

  join(joiner: Joiner): Promise<{ seat: number } | ErrorBody> {
    return this.queue.run(() => this.lobby.join(joiner));
  }

  setReady(userId: string, ready: boolean): Promise<{ ok: true } | ErrorBody> {
    return this.queue.run(() => this.lobby.setReady(userId, ready));
  }

  startWhenFull(): Promise<{ ok: true } | ErrorBody> {
    return this.queue.run(() => this.lobby.startWhenFull());
  }

  start(userId: string): Promise<{ ok: true } | ErrorBody> {
    return this.queue.run(() => this.lobby.start(userId));
  }

  approve(userId: string, seat: number): Promise<{ ok: true } | ErrorBody> {
    return this.queue.run(() => this.lobby.approve(userId, seat));
  }

  remove(userId: string, seat: number): Promise<{ ok: true } | ErrorBody> {
    return this.queue.run(() => this.lobby.remove(userId, seat));
  }

  leave(userId: string): Promise<{ ok: true } | ErrorBody> {
    return this.queue.run(() => this.lobby.leave(userId));
  }

  close(userId: string): Promise<{ ok: true } | ErrorBody> {
    return this.queue.run(() => this.lobby.close(userId));
  }

  /** A seated user's account was deleted (`name`: its anonymised name); see the lobby's. */
  accountDeleted(userId: string, name: string): Promise<{ ok: true } | ErrorBody> {
    return this.queue.run(() => this.lobby.accountDeleted(userId, name));
  }

  /**
   * A session of `userId` was revoked: when it was by their account's deletion, their seat
   * here learns of it now (see the lobby's `accountDeleted`), not at the next sweep.
   */
  sessionRevoked(userId: string): Promise<{ ok: true } | ErrorBody> {
    return this.queue.run(() => this.lobby.sessionRevoked(userId));
  }

  surrender(userId: string): Promise<{ ok: true } | ErrorBody> {
    return this.queue.run(() => this.lobby.surrender(userId));
  }

  setStops(userId: string, stops: readonly string[]): Promise<{ ok: true } | ErrorBody> {
    return this.queue.run(() => this.lobby.setStops(userId, stops));
  }

  offerRematch(userId: string): Promise<RematchOffer | ErrorBody> {
    return this.queue.run(() => this.lobby.offerRematch(userId));
  }

  /** Records the rematch once made (null: making it failed, another agreement may retry). */
  rematchCreated(rematchId: string | null): Promise<void> {
    return this.queue.run(() => this.lobby.rematchCreated(rematchId));
  }

  /**
   * Ends the match without a resolution (expiry, abandonment) when `stillDue` holds once the
   * queue reaches it; resolves whether it ended the match.
   */
  conclude(result: Outcome, stillDue: () => boolean): Promise<boolean> {
    return this.queue.run(() => this.lobby.conclude(result, stillDue));
  }

  // Reads ---------------------------------------------------------------------------------

  publicSeats(): PublicSeat[] {
    return this.stream.publicSeats();
  }

  metadata(userId: string): MatchMetadata {
    return metadataOf(this.live.record, this.publicSeats(), this.seatOf(userId));
  }

  stateFor(userId: string): MatchStateResponse {
    const { record } = this.live;
    const seat = this.seatOf(userId);
    const viewer = seat === null ? SPECTATOR : seatViewer(seat);
    return {
      matchId: record.id,
      seat,
      role: seat === null ? 'spectator' : 'player',
      status: record.status,
      version: record.version,
      step: this.live.lastStep,
      resolutionId: `r${record.version}`,
      view: this.live.game.view(this.live.currentOrInitialState(), viewer),
      legal: this.live.legalFor(seat),
      result: record.result,
    };
  }

  /** The full, unprojected state (null before the start): a playtest position its creator saves. */
  unprojectedState(): unknown {
    return this.live.match?.state ?? null;
  }

  /** The seed and the unprojected state, for exports of finished matches. */
  finalState(): { seed: string; stateHash: string } | null {
    const { match, record } = this.live;
    return match && record.status === 'over'
      ? { seed: record.seed, stateHash: stateHash(match.state) }
      : null;
  }

  // Lifecycle -----------------------------------------------------------------------------

  /** Finishes in-flight work, stops timers and closes every socket (SIGTERM, unloading). */
  async drain(): Promise<void> {
    this.live.draining = true;
    this.dispose();
    await this.queue.run(async () => undefined);
    for (const connection of this.presence.connections) {
      connection.send({
        type: 'ERROR',
        code: 'SHUTTING_DOWN',
        message: 'The server is restarting.',
      });
      connection.close(1012, 'Server restarting');
    }
  }

  /** Stops the timers of a match that is being unloaded (it stays readable). */
  dispose(): void {
    this.automatic.stop();
    this.clock.reset();
    this.presence.stopGraceTimers();
  }

  private schedule(): void {
    this.automatic.schedule();
  }

  /** After every stored resolution: the fan-out, then the timers for the new state. */
  private committed({ before, resolution, ts, started, ended, action }: Committed): void {
    // A summary to show (Golf's hole tally): the next clocks start once it has been shown.
    const pauses = this.live.game.pauseAfter as readonly string[] | undefined;
    if (!ended && pauses && resolution.steps.some((step) => pauses.includes(step.type))) {
      this.clock.pauseUntil(Date.parse(ts) + this.ctx.settings.tallyPauseMs);
    }
    // The clocks first: the WELCOME and LEGAL sent below carry the new mover's deadline.
    this.schedule();
    // The start fixes the seats: every connection starts over from the opening view.
    if (started) this.stream.restartAll({ version: 0, step: 0, state: before });
    const entry = this.history.add(before, resolution, ts, timedOutSeat(action));
    this.stream.broadcast(entry, started || ended);
    this.history.settle(entry, this.humanSeatViewers());
  }

  /** The viewers a RESUME may come from later without a projection made now: people's seats. */
  private humanSeatViewers(): Viewer[] {
    const viewers: Viewer[] = [];
    this.live.record.seats.forEach((seat, index) => {
      if (seat.kind === 'human') viewers.push(seatViewer(index));
    });
    return viewers;
  }

  /**
   * Another writer stored this match's next version: take the stored log as the truth, and start
   * every connection over from it.
   */
  private async catchUp(): Promise<void> {
    const record = await this.ctx.store.getMatch(this.live.id);
    if (!record) return;
    const rebuilt = await rebuildFromStore(record, this.live.hosted, this.ctx.store);
    this.live.record = rebuilt.live.record;
    this.live.match = rebuilt.live.match;
    this.live.lastStep = rebuilt.live.lastStep;
    this.commands.ledger = rebuilt.ledger;
    this.history.clear();
    this.history.addRebuilt(rebuilt.before, rebuilt.recent);
    this.stream.restartAll();
    this.schedule();
  }
}

/**
 * A match as the store has it: its state (snapshot plus tail), its recent resolutions (each
 * with the seat whose clock ran out, when the timeout rule played it) and its client ledger.
 */
async function rebuildFromStore(record: MatchRecord, hosted: HostedGame, store: EventStore) {
  const [loaded, actions] = await Promise.all([
    LiveMatch.load(record, hosted, store),
    store.actions(record.id),
  ]);
  const byVersion = new Map(actions.map((action) => [action.version, action]));
  const recent = loaded.recent.map((rebuilt) => ({
    ...rebuilt,
    timedOut: timedOutSeat(byVersion.get(rebuilt.resolution.version) ?? null),
  }));
  return { ...loaded, recent, ledger: ActionLedger.of(actions) };
}

function actionResult(actionId: string, outcome: ActionOutcome): ServerMessage {
  return outcome.ok
    ? { type: 'ACTION_RESULT', actionId, ok: true, version: outcome.version }
    : { type: 'ACTION_RESULT', actionId, ok: false, error: outcome.error };
}
