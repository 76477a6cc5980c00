import {
  applyAction,
  createRng,
  ENGINE_VERSION,
  eventOf,
  seatViewer,
  SPECTATOR,
  startMatch,
  stateHash,
  type AnyGame,
  type GameAction,
  type MatchConfig,
  type MatchState,
  type Outcome,
  type Resolution,
  type SeatConfig,
  type Viewer,
} from '@cardtable/engine';
import type {
  ActionBody,
  ErrorBody,
  LegalAction,
  LegalMessage,
  MatchMetadata,
  MatchStateResponse,
  MatchStatusMessage,
  PublicSeat,
  ResumeMessage,
  ServerMessage,
  WelcomeMessage,
  WireEvent,
} from '@cardtable/sdk/protocol';
import { PROTOCOL_VERSION } from '@cardtable/sdk/protocol';
import type { Logger } from 'pino';
import { errorBody, fromRuleError } from '../errors.ts';
import type { HostedGame } from '../games.ts';
import type { Metrics } from '../metrics.ts';
import {
  VersionConflict,
  type EventStore,
  type MatchRecord,
  type SeatRecord,
} from '../store/event-store.ts';
import { compare, Connection, type ConnectionIdentity, type SocketLike } from './connection.ts';
import { projectAfter, rebuildResolutions, viewerKey, wireEvents } from './history.ts';

export interface ActorSettings {
  snapshotEvery: number;
  ackTimeoutMs: number;
  cpuThinkMs: { min: number; max: number };
  disconnectGraceMs: number;
  resumeMaxSteps: number;
  maxConnectionsPerMatch: number;
}

export interface ActorContext {
  store: EventStore;
  settings: ActorSettings;
  metrics: Metrics;
  log: Logger;
}

export type ActionOutcome = { ok: true; version: number } | { ok: false; error: ErrorBody };
type Source = 'player' | 'cpu' | 'timeout';

/** Rejections remembered per match, so a retried bad action gets the same answer. */
const REMEMBERED_REJECTIONS = 1000;

/**
 * The only writer of one match. Every change (an action, a join, the start, a timeout, a CPU
 * move, a surrender) runs through one serial queue: decide, persist the resolution in one
 * statement, then commit it in memory and hand each connection its projection, all without an
 * await between commit and broadcast, so a connection never sees a state that is not stored.
 */
export class MatchActor {
  private match: MatchState<unknown> | null;
  private lastStep: number;
  private readonly connections = new Set<Connection>();
  private accepted: Map<string, { seat: number; version: number }>;
  private readonly rejected = new Map<string, { seat: number; error: ErrorBody }>();
  private tail: Promise<unknown> = Promise.resolve();
  private autoTimer: ReturnType<typeof setTimeout> | null = null;
  private turnTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly turnStartedAt = new Map<number, number>();
  private readonly graceTimers = new Map<number, ReturnType<typeof setTimeout>>();
  private readonly awaySeats = new Set<number>();
  private draining = false;
  private readonly log: Logger;

  private constructor(
    private record: MatchRecord,
    private readonly hosted: HostedGame,
    private readonly ctx: ActorContext,
    match: MatchState<unknown> | null,
    lastStep: number,
    accepted: Map<string, { seat: number; version: number }>,
  ) {
    this.match = match;
    this.lastStep = lastStep;
    this.accepted = accepted;
    this.log = ctx.log.child({ matchId: record.id });
  }

  /** Rebuilds a match from its latest snapshot plus the events after it. */
  static async load(
    record: MatchRecord,
    hosted: HostedGame,
    ctx: ActorContext,
  ): Promise<MatchActor> {
    const rebuilt = await rebuild(record, hosted, ctx.store);
    const actor = new MatchActor(
      record,
      hosted,
      ctx,
      rebuilt.match,
      rebuilt.lastStep,
      rebuilt.accepted,
    );
    if (record.status === 'active') {
      // Nobody is connected to a match just rebuilt: its people get the usual grace period.
      record.seats.forEach((seat, index) => {
        if (seat.kind === 'human' && !seat.left) actor.startGrace(index);
      });
      actor.schedule();
    }
    return actor;
  }

  /**
   * Another writer stored this match's next version: take the stored log as the truth, and start
   * every connection over from it.
   */
  private async catchUp(): Promise<void> {
    const record = await this.ctx.store.getMatch(this.record.id);
    if (!record) return;
    const rebuilt = await rebuild(record, this.hosted, this.ctx.store);
    this.record = record;
    this.match = rebuilt.match;
    this.lastStep = rebuilt.lastStep;
    this.accepted = rebuilt.accepted;
    this.rejected.clear();
    for (const connection of this.connections) {
      connection.restart(this.welcome(connection.identity));
    }
    this.schedule();
  }

  get id(): string {
    return this.record.id;
  }

  get status() {
    return this.record.status;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  private get game(): AnyGame {
    return this.hosted.game;
  }

  seatOf(userId: string): number | null {
    const index = this.record.seats.findIndex((seat) => seat.userId === userId);
    return index === -1 ? null : index;
  }

  // ------------------------------------------------------------------------------------------
  // Connections
  // ------------------------------------------------------------------------------------------

  /** Opens a connection for a user (a player when they hold a seat, else a spectator). */
  connect(socket: SocketLike, userId: string, ip: string): Connection | ErrorBody {
    if (this.draining) return errorBody('SHUTTING_DOWN', 'The server is restarting.');
    if (this.connections.size >= this.ctx.settings.maxConnectionsPerMatch) {
      return errorBody('TOO_MANY_CONNECTIONS', 'This match has too many connections.');
    }
    const seat = this.seatOf(userId);
    const viewer: Viewer = seat === null ? SPECTATOR : seatViewer(seat);
    const identity: ConnectionIdentity = { userId, seat, viewer, ip };
    const connection = new Connection(
      socket,
      identity,
      this.ctx.settings.ackTimeoutMs,
      this.ctx.metrics,
      (backlogged) => backlogged.restart(this.welcome(backlogged.identity)),
    );
    const wasConnected = seat !== null && this.seatConnected(seat);
    this.connections.add(connection);
    this.ctx.metrics.connections.inc({ role: seat === null ? 'spectator' : 'player' });
    connection.restart(this.welcome(identity));
    if (seat !== null) {
      this.stopGrace(seat);
      const wasAway = this.awaySeats.delete(seat);
      if (!wasConnected || wasAway) this.broadcastStatus();
      if (wasAway) this.schedule();
    }
    return connection;
  }

  disconnect(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    connection.dispose();
    const seat = connection.identity.seat;
    this.ctx.metrics.connections.dec({ role: seat === null ? 'spectator' : 'player' });
    if (seat !== null && !this.seatConnected(seat)) {
      if (this.record.status === 'active') this.startGrace(seat);
      this.broadcastStatus();
    }
  }

  private seatConnected(seat: number): boolean {
    for (const connection of this.connections) if (connection.identity.seat === seat) return true;
    return false;
  }

  private startGrace(seat: number): void {
    this.stopGrace(seat);
    const timer = setTimeout(() => {
      this.graceTimers.delete(seat);
      if (this.seatConnected(seat) || this.record.status !== 'active') return;
      this.awaySeats.add(seat);
      this.log.info({ seat }, 'seat away after the disconnect grace period');
      this.broadcastStatus();
      this.schedule();
    }, this.ctx.settings.disconnectGraceMs);
    timer.unref?.();
    this.graceTimers.set(seat, timer);
  }

  private stopGrace(seat: number): void {
    const timer = this.graceTimers.get(seat);
    if (timer) clearTimeout(timer);
    this.graceTimers.delete(seat);
  }

  // ------------------------------------------------------------------------------------------
  // Actions
  // ------------------------------------------------------------------------------------------

  /**
   * A player's ACTION: answers it with exactly one ACTION_RESULT on the connection. An accepted
   * action's result goes out before the resolution's events, so a client that waits for its
   * result and then for the next LEGAL never misses it.
   */
  act(connection: Connection, body: ActionBody): Promise<ActionOutcome> {
    let answered = false;
    const answer = (outcome: ActionOutcome) => {
      if (answered) return;
      answered = true;
      connection.send(actionResult(body.actionId, outcome));
    };
    const settle = (outcome: ActionOutcome) => {
      answer(outcome);
      return outcome;
    };
    const seat = connection.identity.seat;
    if (seat === null) {
      return Promise.resolve(
        settle(this.reject(null, body.actionId, 'NOT_A_PLAYER', 'Spectators watch.')),
      );
    }
    // Refused at once while draining, so the drain never waits on work queued after it began.
    if (this.draining) {
      return Promise.resolve(
        settle(this.reject(null, body.actionId, 'SHUTTING_DOWN', 'The server is restarting.')),
      );
    }
    return this.run(() =>
      this.execute(seat, body, 'player', (version) => answer({ ok: true, version })),
    ).then(settle);
  }

  private async execute(
    seat: number,
    body: ActionBody,
    source: Source,
    onCommitted?: (version: number) => void,
  ): Promise<ActionOutcome> {
    const startedAt = performance.now();
    const { actionId } = body;
    const seen = this.accepted.get(actionId);
    if (seen) {
      if (seen.seat === seat) return { ok: true, version: seen.version };
      return this.reject(seat, actionId, 'DUPLICATE_ACTION_ID', 'That actionId is taken.');
    }
    const earlier = this.rejected.get(actionId);
    if (earlier) {
      if (earlier.seat === seat) return { ok: false, error: earlier.error };
      return this.reject(seat, actionId, 'DUPLICATE_ACTION_ID', 'That actionId is taken.');
    }
    if (this.draining)
      return this.reject(null, actionId, 'SHUTTING_DOWN', 'The server is restarting.');
    const match = this.match;
    if (this.record.status === 'waiting' || !match) {
      return this.reject(seat, actionId, 'MATCH_NOT_STARTED', 'The match has not started yet.');
    }
    if (this.record.status === 'over') {
      return this.reject(seat, actionId, 'MATCH_OVER', 'The match is over.');
    }
    const seatRecord = this.record.seats[seat] as SeatRecord;
    if (source === 'player' && (seatRecord.left || seatRecord.surrendered)) {
      return this.reject(seat, actionId, 'NOT_A_PLAYER', 'You left this match.');
    }
    if (body.knownVersion !== undefined && body.knownVersion > match.version) {
      return this.reject(seat, actionId, 'INVALID_PAYLOAD', 'knownVersion is ahead of the match.', {
        knownVersion: body.knownVersion,
        version: match.version,
      });
    }
    const parsed = this.game.parseAction({ type: body.type, payload: body.payload });
    if (!parsed.ok)
      return this.rejectWith(seat, actionId, fromRuleError(parsed.error, 'INVALID_PAYLOAD'));

    const applied = applyAction(this.game, match, seat, parsed.value as GameAction, actionId);
    if (!applied.ok) {
      const stale = body.knownVersion !== undefined && body.knownVersion < match.version;
      const error = stale
        ? errorBody('STALE_VERSION', 'The match moved on since the version you acted on.', {
            knownVersion: body.knownVersion,
            version: match.version,
            cause: applied.error.code,
          })
        : fromRuleError(applied.error);
      return this.rejectWith(seat, actionId, error);
    }
    const { match: next, resolution } = applied.value;
    const action = {
      actionId,
      seat,
      version: next.version,
      type: body.type,
      payload: parsed.value.payload,
    };
    const persisted = await this.persist(next, resolution, action, undefined, onCommitted);
    if (!persisted.ok) return persisted;
    this.accepted.set(actionId, { seat, version: next.version });
    // One line per action: debug, so the startup banner is not buried under play.
    this.log.debug(
      {
        resolutionId: resolution.resolutionId,
        version: next.version,
        steps: resolution.steps.length,
        seat,
        source,
        type: body.type,
        latencyMs: Math.round((performance.now() - startedAt) * 100) / 100,
      },
      'resolution',
    );
    return { ok: true, version: next.version };
  }

  private reject(
    seat: number | null,
    actionId: string,
    code: ErrorBody['code'],
    message: string,
    details?: Record<string, unknown>,
  ): ActionOutcome {
    return this.rejectWith(seat, actionId, errorBody(code, message, details));
  }

  private rejectWith(seat: number | null, actionId: string, error: ErrorBody): ActionOutcome {
    this.ctx.metrics.rejectedActions.inc({ code: error.code });
    // Transient refusals are not remembered: a retry after the server is back should work.
    if (seat !== null && error.code !== 'SHUTTING_DOWN' && error.code !== 'INTERNAL') {
      if (this.rejected.size >= REMEMBERED_REJECTIONS) {
        this.rejected.delete(this.rejected.keys().next().value as string);
      }
      this.rejected.set(actionId, { seat, error });
    }
    return { ok: false, error };
  }

  /**
   * Stores a resolution, then commits it in memory and broadcasts it. Nothing is committed or
   * sent when the store refuses it.
   */
  private async persist(
    next: MatchState<unknown>,
    resolution: Resolution<unknown>,
    action: {
      actionId: string;
      seat: number;
      version: number;
      type: string;
      payload: unknown;
    } | null,
    seats: SeatRecord[] | undefined,
    onCommitted?: (version: number) => void,
  ): Promise<ActionOutcome> {
    const outcome = this.game.outcome(next.state) as Outcome | null;
    const status = outcome ? 'over' : 'active';
    const ts = new Date().toISOString();
    try {
      await this.ctx.store.appendResolution({
        matchId: this.record.id,
        version: next.version,
        resolutionId: resolution.resolutionId,
        ts,
        steps: resolution.steps.map((s) => ({
          step: s.step,
          type: s.type,
          data: s.data,
          requiresAck: s.requiresAck,
        })),
        action,
        status,
        result: outcome,
        ...(seats ? { seats } : {}),
      });
    } catch (error) {
      if (error instanceof VersionConflict) {
        this.log.warn({ version: next.version }, 'another writer stored this version; catching up');
        await this.catchUp().catch((reload: unknown) =>
          this.log.error({ err: reload }, 'catching up with the store failed'),
        );
        return {
          ok: false,
          error: errorBody('CONFLICT', 'The match moved on elsewhere; act again on the new state.'),
        };
      }
      this.log.error({ err: error }, 'persisting a resolution failed');
      // CPU and timeout moves are retried once the store answers again.
      setTimeout(() => this.schedule(), 1000).unref();
      return { ok: false, error: errorBody('INTERNAL', 'The action could not be stored; retry.') };
    }
    this.ctx.metrics.persistedEvents.inc(resolution.steps.length);

    // Commit and broadcast with no await in between.
    const before = this.match ? this.match.state : this.game.initialState(next.config);
    const wasWaiting = this.record.status === 'waiting';
    this.match = next;
    this.lastStep = resolution.steps.length;
    this.record = {
      ...this.record,
      version: next.version,
      status,
      result: outcome,
      endedAt: outcome ? ts : null,
      seats: seats ?? this.record.seats,
    };
    if (wasWaiting) {
      // The start fixes the seats: every connection starts over from the opening view.
      for (const connection of this.connections) {
        connection.restart(
          this.welcome(connection.identity, { version: 0, step: 0, state: before }),
        );
      }
    }
    onCommitted?.(next.version);
    // The clocks first: the LEGAL in the broadcast carries the new state's turnEndsAt.
    this.schedule();
    this.broadcast(before, resolution, ts, wasWaiting || outcome !== null);
    if (next.version % this.ctx.settings.snapshotEvery === 0) {
      this.ctx.store
        .saveSnapshot(this.record.id, next.version, next.state)
        .catch((error: unknown) => this.log.warn({ err: error }, 'snapshot failed'));
    }
    return { ok: true, version: next.version };
  }

  private broadcast(
    before: unknown,
    resolution: Resolution<unknown>,
    ts: string,
    statusChanged: boolean,
  ) {
    const projected = new Map<string, WireEvent[]>();
    const status = statusChanged ? this.statusMessage() : null;
    for (const connection of this.connections) {
      const { viewer, seat } = connection.identity;
      const key = viewerKey(viewer);
      let events = projected.get(key);
      if (!events) {
        events = wireEvents(this.game, this.record.id, before, resolution, viewer, ts);
        projected.set(key, events);
      }
      const messages: ServerMessage[] = events.map((event) => ({ type: 'EVENT', event }));
      if (status) messages.push(status);
      if (seat !== null) messages.push(this.legalMessage(seat));
      connection.enqueue(messages);
    }
  }

  private broadcastStatus(): void {
    const status = this.statusMessage();
    for (const connection of this.connections) connection.enqueue([status]);
  }

  // ------------------------------------------------------------------------------------------
  // Lobby: join, start, leave, surrender
  // ------------------------------------------------------------------------------------------

  /** Takes the next free human seat (or returns the one the user holds); starts when full. */
  join(userId: string, name: string): Promise<{ seat: number } | ErrorBody> {
    return this.run(async () => {
      const held = this.seatOf(userId);
      if (held !== null) return { seat: held };
      if (this.record.status !== 'waiting') return errorBody('CONFLICT', 'The match has started.');
      const seat = this.record.seats.findIndex((s) => s.kind === 'human' && !s.userId);
      if (seat === -1) return errorBody('CONFLICT', 'Every seat is taken.');
      const seats = this.record.seats.map((s, i) => (i === seat ? { ...s, userId, name } : s));
      await this.ctx.store.updateSeats(this.record.id, seats);
      this.record = { ...this.record, seats };
      this.reconnectUser(userId);
      if (seats.every((s) => s.kind === 'cpu' || s.userId)) {
        const started = await this.startNow(seats);
        if ('code' in started) return started;
      } else {
        this.broadcastStatus();
      }
      return { seat };
    });
  }

  /** Starts a new match at once when no human seat is left to fill. */
  startWhenFull(): Promise<{ ok: true } | ErrorBody> {
    return this.run(async () => {
      const seats = this.record.seats;
      if (this.record.status !== 'waiting' || !seats.every((s) => s.kind === 'cpu' || s.userId)) {
        return { ok: true };
      }
      return this.startNow(seats);
    });
  }

  /** The host starts now; free human seats are filled by CPUs (when the game has them). */
  start(userId: string): Promise<{ ok: true } | ErrorBody> {
    return this.run(async () => {
      if (userId !== this.record.hostUserId) return errorBody('FORBIDDEN', 'Only the host starts.');
      if (this.record.status !== 'waiting') return errorBody('CONFLICT', 'The match has started.');
      const cpu = this.game.cpu;
      const free = this.record.seats.some((s) => s.kind === 'human' && !s.userId);
      if (free && !cpu)
        return errorBody('CONFLICT', 'This game has no CPU players for empty seats.');
      const seats = this.record.seats.map((s): SeatRecord =>
        s.kind === 'human' && !s.userId
          ? { kind: 'cpu', profile: (cpu as { profiles: readonly string[] }).profiles[0] as string }
          : s,
      );
      return this.startNow(seats);
    });
  }

  private async startNow(seats: SeatRecord[]): Promise<{ ok: true } | ErrorBody> {
    const config = matchConfig({ ...this.record, seats });
    const { match, resolution } = startMatch(this.game, config);
    const persisted = await this.persist(match, resolution, null, seats);
    return persisted.ok ? { ok: true } : persisted.error;
  }

  /** Before the start: frees the seat. During play: the timeout rule plays it from now on. */
  leave(userId: string): Promise<{ ok: true } | ErrorBody> {
    return this.run(async () => {
      const seat = this.seatOf(userId);
      if (seat === null) return errorBody('NOT_A_PLAYER', 'You hold no seat in this match.');
      if (this.record.status === 'over') return { ok: true };
      const seats = this.record.seats.map((s, i): SeatRecord => {
        if (i !== seat) return s;
        if (this.record.status === 'waiting') return { kind: 'human' };
        return { ...s, left: true };
      });
      await this.ctx.store.updateSeats(this.record.id, seats);
      this.record = { ...this.record, seats };
      if (this.record.status === 'waiting') this.reconnectUser(userId);
      this.broadcastStatus();
      this.schedule();
      return { ok: true };
    });
  }

  /** Concedes: the match ends now, every other seat sharing first place. */
  surrender(userId: string): Promise<{ ok: true } | ErrorBody> {
    return this.run(async () => {
      const seat = this.seatOf(userId);
      if (seat === null) return errorBody('NOT_A_PLAYER', 'You hold no seat in this match.');
      if (this.record.status !== 'active') {
        return errorBody(
          this.record.status === 'over' ? 'MATCH_OVER' : 'MATCH_NOT_STARTED',
          'Only an active match can be conceded.',
        );
      }
      const others = this.record.seats.map((_, i) => i).filter((i) => i !== seat);
      const result: Outcome = {
        winners: others,
        tie: others.length > 1,
        standings: [
          ...others.map((s) => ({ seat: s, place: 1 })),
          { seat, place: others.length + 1 },
        ],
        reason: 'surrender',
      };
      const seats = this.record.seats.map((s, i) => (i === seat ? { ...s, surrendered: true } : s));
      const endedAt = new Date().toISOString();
      await this.ctx.store.endMatch(this.record.id, result, seats, endedAt);
      this.record = { ...this.record, status: 'over', result, seats, endedAt };
      const status = this.statusMessage();
      for (const connection of this.connections) {
        const { seat: connectionSeat } = connection.identity;
        connection.enqueue(
          connectionSeat === null ? [status] : [status, this.legalMessage(connectionSeat)],
        );
      }
      this.schedule();
      return { ok: true };
    });
  }

  /** A user whose seat changed reconnects, to be welcomed in their new role. */
  private reconnectUser(userId: string): void {
    for (const connection of [...this.connections]) {
      if (connection.identity.userId === userId) connection.close(4000, 'Seat changed: reconnect.');
    }
  }

  // ------------------------------------------------------------------------------------------
  // CPU seats, away seats and turn timers
  // ------------------------------------------------------------------------------------------

  /** Arms the next automatic move and the turn timer for the current state. */
  private schedule(): void {
    if (this.autoTimer) clearTimeout(this.autoTimer);
    if (this.turnTimer) clearTimeout(this.turnTimer);
    this.autoTimer = null;
    this.turnTimer = null;
    const match = this.match;
    if (this.draining || this.record.status !== 'active' || !match) {
      this.turnStartedAt.clear();
      return;
    }
    const active = this.game.activeSeats(match.state) as number[];
    const now = Date.now();
    for (const seat of active) if (!this.turnStartedAt.has(seat)) this.turnStartedAt.set(seat, now);
    for (const seat of [...this.turnStartedAt.keys()]) {
      if (!active.includes(seat)) this.turnStartedAt.delete(seat);
    }

    const version = match.version;
    const automatic = active.find((seat) => this.playsItself(seat));
    if (automatic !== undefined) {
      this.autoTimer = setTimeout(() => {
        void this.run(() =>
          this.playAutomatic(automatic, version, this.isCpu(automatic) ? 'cpu' : 'timeout'),
        );
      }, this.thinkDelay());
    }

    const limit = this.record.turnTimeLimitMs;
    if (limit === null) return;
    const waiting = active.filter((seat) => !this.playsItself(seat));
    if (waiting.length === 0) return;
    const deadline = Math.min(
      ...waiting.map((seat) => (this.turnStartedAt.get(seat) as number) + limit),
    );
    this.turnTimer = setTimeout(
      () => {
        void this.run(async () => {
          for (const seat of waiting) {
            const started = this.turnStartedAt.get(seat);
            if (started !== undefined && started + limit <= Date.now()) {
              await this.playAutomatic(seat, this.match?.version ?? -1, 'timeout');
            }
          }
        });
      },
      Math.max(0, deadline - now),
    );
  }

  private isCpu(seat: number): boolean {
    return this.record.seats[seat]?.kind === 'cpu';
  }

  private playsItself(seat: number): boolean {
    const record = this.record.seats[seat];
    return !!record && (record.kind === 'cpu' || !!record.left || this.awaySeats.has(seat));
  }

  private thinkDelay(): number {
    const { min, max } = this.ctx.settings.cpuThinkMs;
    return min + Math.floor(Math.random() * (max - min + 1));
  }

  /** A CPU's move, or the timeout rule's for a person (the game's, else its steady CPU). */
  private async playAutomatic(
    seat: number,
    expectedVersion: number,
    source: Source,
  ): Promise<void> {
    const match = this.match;
    if (!match || match.version !== expectedVersion || this.record.status !== 'active') return;
    if (!(this.game.activeSeats(match.state) as number[]).includes(seat)) return;
    const legal = this.game.legalActions(match.state, seat) as GameAction[];
    const choice = this.chooseAutomatic(match, seat, legal, source);
    const version = match.version + 1;
    const actionId = `${source}-${version}-${seat}`;
    const outcome = choice
      ? await this.execute(
          seat,
          { actionId, clientSeq: 0, type: choice.type, payload: choice.payload },
          source,
        )
      : null;
    if (!outcome?.ok && legal[0] && this.match?.version === expectedVersion) {
      // A CPU that picks a refused move must not stall the match: play the first legal move.
      this.log.error({ seat, outcome }, 'automatic move refused; playing the first legal move');
      const fallback = legal[0];
      await this.execute(
        seat,
        {
          actionId: `${actionId}-fallback`,
          clientSeq: 0,
          type: fallback.type,
          payload: fallback.payload,
        },
        source,
      );
    }
  }

  private chooseAutomatic(
    match: MatchState<unknown>,
    seat: number,
    legal: GameAction[],
    source: Source,
  ): GameAction | null {
    const seatRecord = this.record.seats[seat] as SeatRecord;
    const cpu = this.game.cpu;
    if (source === 'cpu' && cpu && seatRecord.profile) {
      return cpu.choose({
        view: this.game.view(match.state, seatViewer(seat)),
        legal,
        seat,
        profile: seatRecord.profile,
        rng: createRng(`${match.config.seed}/cpu`, match.version + 1, seat),
      });
    }
    const ruled = this.game.timeoutAction(match.state, seat) as GameAction | null;
    if (ruled) return ruled;
    if (cpu && legal.length > 0) {
      return cpu.choose({
        view: this.game.view(match.state, seatViewer(seat)),
        legal,
        seat,
        profile: this.hosted.timeoutProfile ?? (cpu.profiles[0] as string),
        rng: createRng(`${match.config.seed}/timeout`, match.version + 1, seat),
      });
    }
    return legal[0] ?? null;
  }

  // ------------------------------------------------------------------------------------------
  // What viewers get
  // ------------------------------------------------------------------------------------------

  private welcome(
    identity: ConnectionIdentity,
    at?: { version: number; step: number; state: unknown },
  ): WelcomeMessage {
    const state = at ? at.state : this.currentOrInitialState();
    const version = at ? at.version : this.record.version;
    return {
      type: 'WELCOME',
      protocolVersion: PROTOCOL_VERSION,
      matchId: this.record.id,
      game: this.record.game,
      seat: identity.seat,
      role: identity.seat === null ? 'spectator' : 'player',
      status: this.record.status,
      version,
      step: at ? at.step : this.lastStep,
      resolutionId: `r${version}`,
      view: this.game.view(state, identity.viewer),
      legal: at ? [] : this.legalFor(identity.seat),
      seats: this.publicSeats(),
      result: this.record.result,
      turnEndsAt: at ? null : this.turnEndsAt(identity.seat),
    };
  }

  private currentOrInitialState(): unknown {
    return this.match ? this.match.state : this.game.initialState(matchConfig(this.record));
  }

  private legalFor(seat: number | null): LegalAction[] {
    const match = this.match;
    if (seat === null || !match || this.record.status !== 'active') return [];
    const record = this.record.seats[seat];
    if (!record || record.left || record.surrendered) return [];
    if (!(this.game.activeSeats(match.state) as number[]).includes(seat)) return [];
    return (this.game.legalActions(match.state, seat) as GameAction[]).map((a) => ({
      type: a.type,
      payload: a.payload,
    }));
  }

  private turnEndsAt(seat: number | null): string | null {
    const limit = this.record.turnTimeLimitMs;
    const started = seat === null ? undefined : this.turnStartedAt.get(seat);
    return limit === null || started === undefined ? null : new Date(started + limit).toISOString();
  }

  private legalMessage(seat: number): LegalMessage {
    return {
      type: 'LEGAL',
      version: this.record.version,
      status: this.record.status,
      legal: this.legalFor(seat),
      turnEndsAt: this.turnEndsAt(seat),
    };
  }

  private statusMessage(): MatchStatusMessage {
    return {
      type: 'MATCH_STATUS',
      status: this.record.status,
      version: this.record.version,
      seats: this.publicSeats(),
      result: this.record.result,
    };
  }

  publicSeats(): PublicSeat[] {
    return this.record.seats.map((seat, index) => ({
      seat: index,
      kind: seat.kind,
      ...(seat.name ? { name: seat.name } : {}),
      ...(seat.profile ? { profile: seat.profile } : {}),
      taken: seat.kind === 'cpu' || !!seat.userId,
      connected: seat.kind === 'cpu' || this.seatConnected(index),
      away: !!seat.left || this.awaySeats.has(index),
      surrendered: !!seat.surrendered,
    }));
  }

  metadata(userId: string): MatchMetadata {
    const seat = this.seatOf(userId);
    return metadataOf(this.record, this.publicSeats(), seat);
  }

  stateFor(userId: string): MatchStateResponse {
    const seat = this.seatOf(userId);
    const viewer = seat === null ? SPECTATOR : seatViewer(seat);
    return {
      matchId: this.record.id,
      seat,
      role: seat === null ? 'spectator' : 'player',
      status: this.record.status,
      version: this.record.version,
      step: this.lastStep,
      resolutionId: `r${this.record.version}`,
      view: this.game.view(this.currentOrInitialState(), viewer),
      legal: this.legalFor(seat),
      result: this.record.result,
    };
  }

  /** The seed and the unprojected state, for exports of finished matches. */
  finalState(): { seed: string; stateHash: string } | null {
    return this.match && this.record.status === 'over'
      ? { seed: this.record.seed, stateHash: stateHash(this.match.state) }
      : null;
  }

  get matchRecord(): MatchRecord {
    return this.record;
  }

  /**
   * RESUME: streams the steps the client missed between its last step and its WELCOME, ahead of
   * everything queued since. A gap that is too long, a history that does not match, or a stream
   * that already went past the WELCOME gets a fresh WELCOME instead.
   */
  async resume(connection: Connection, message: ResumeMessage): Promise<ErrorBody | null> {
    const from = { version: message.lastVersion, step: message.lastStep };
    const to = connection.welcomedAt;
    if (compare(from, to) > 0) {
      return errorBody('BAD_MESSAGE', 'RESUME names a step after the match position.', { ...to });
    }
    const restart = () => connection.restart(this.welcome(connection.identity));
    const idMatches =
      message.lastResolutionId === undefined ||
      from.version === 0 ||
      message.lastResolutionId === `r${from.version}`;
    if (
      connection.sentLive ||
      !idMatches ||
      to.version - from.version > this.ctx.settings.resumeMaxSteps
    ) {
      restart();
      return null;
    }
    if (compare(from, to) === 0) return null;
    const generation = connection.pause();
    try {
      const firstVersion = Math.max(1, from.version);
      const before = await this.stateAt(firstVersion - 1);
      const stored = await this.ctx.store.events(this.record.id, firstVersion - 1, to.version);
      const missed = projectAfter(
        this.game,
        this.record.id,
        before,
        rebuildResolutions(this.game, before, stored),
        connection.identity.viewer,
        from,
      );
      if (missed.length > this.ctx.settings.resumeMaxSteps) {
        restart();
        return null;
      }
      connection.resumeWith(
        generation,
        missed.map((event) => ({ type: 'EVENT', event })),
      );
    } catch (error) {
      this.log.error({ err: error }, 'resume failed; sending a fresh WELCOME');
      restart();
    }
    return null;
  }

  /** The state after `version`: the latest snapshot at or before it plus the events after it. */
  private async stateAt(version: number): Promise<unknown> {
    const config = matchConfig(this.record);
    if (version === 0) return this.game.initialState(config);
    const snapshot = await this.ctx.store.latestSnapshot(this.record.id, version);
    let state = snapshot ? snapshot.state : this.game.initialState(config);
    for (const event of await this.ctx.store.events(
      this.record.id,
      snapshot?.version ?? 0,
      version,
    )) {
      state = this.game.evolve(state, eventOf(event));
    }
    return state;
  }

  // ------------------------------------------------------------------------------------------
  // Lifecycle
  // ------------------------------------------------------------------------------------------

  private run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch((error: unknown) =>
      this.log.error({ err: error }, 'actor task failed'),
    );
    return result;
  }

  /** Finishes in-flight work, stops timers and closes every socket (for SIGTERM). */
  async drain(): Promise<void> {
    this.draining = true;
    this.schedule();
    for (const timer of this.graceTimers.values()) clearTimeout(timer);
    this.graceTimers.clear();
    await this.run(async () => undefined);
    for (const connection of this.connections) {
      connection.send({
        type: 'ERROR',
        code: 'SHUTTING_DOWN',
        message: 'The server is restarting.',
      });
      connection.close(1012, 'Server restarting');
    }
  }

  /** Stops the timers of a finished match that is being unloaded (it stays readable). */
  dispose(): void {
    this.schedule();
    for (const timer of this.graceTimers.values()) clearTimeout(timer);
    this.graceTimers.clear();
  }
}

function actionResult(actionId: string, outcome: ActionOutcome): ServerMessage {
  return outcome.ok
    ? { type: 'ACTION_RESULT', actionId, ok: true, version: outcome.version }
    : { type: 'ACTION_RESULT', actionId, ok: false, error: outcome.error };
}

/** A match's in-memory state from the store: latest snapshot, the events after it, its actions. */
async function rebuild(record: MatchRecord, hosted: HostedGame, store: EventStore) {
  const accepted = new Map(
    (await store.actions(record.id)).map((a) => [a.actionId, { seat: a.seat, version: a.version }]),
  );
  let match: MatchState<unknown> | null = null;
  let lastStep = 0;
  if (record.status !== 'waiting') {
    const config = matchConfig(record);
    const snapshot = await store.latestSnapshot(record.id);
    let state = snapshot ? snapshot.state : hosted.game.initialState(config);
    const tail = await store.events(record.id, snapshot?.version ?? 0);
    for (const event of tail) state = hosted.game.evolve(state, eventOf(event));
    const last = tail[tail.length - 1];
    lastStep = last && last.version === record.version ? last.step : 0;
    if (!last && snapshot && snapshot.version === record.version) {
      lastStep = (await store.events(record.id, record.version - 1, record.version)).length;
    }
    match = { config, state, version: record.version };
  }
  return { match, lastStep, accepted };
}

/** The engine's match config: the seats as the game sees them (no user ids). */
export function matchConfig(record: MatchRecord): MatchConfig<unknown> {
  return {
    options: record.options,
    seats: record.seats.map((seat): SeatConfig =>
      seat.kind === 'cpu'
        ? { kind: 'cpu', profile: seat.profile ?? '', ...(seat.name ? { name: seat.name } : {}) }
        : { kind: 'human', ...(seat.name ? { name: seat.name } : {}) },
    ),
    seed: record.seed,
  };
}

export function metadataOf(
  record: MatchRecord,
  seats: PublicSeat[],
  yourSeat: number | null,
): MatchMetadata {
  return {
    matchId: record.id,
    game: record.game,
    rulesetVersion: record.rulesetVersion,
    engineVersion: record.engineVersion || ENGINE_VERSION,
    options: record.options,
    seats,
    status: record.status,
    version: record.version,
    ...(yourSeat !== null ? { code: record.code } : {}),
    yourSeat,
    turnTimeLimitMs: record.turnTimeLimitMs,
    createdAt: record.createdAt,
    endedAt: record.endedAt,
    result: record.result,
  };
}
