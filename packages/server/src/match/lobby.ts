import { startMatch, type Outcome } from '@cardtable/engine';
import type { ErrorBody } from '@cardtable/sdk/protocol';
import { errorBody } from '../errors.ts';
import type { SeatRecord } from '../store/event-store.ts';
import type { ActorContext } from './context.ts';
import { nameCpuSeats } from './cpu-names.ts';
import { concessionResult, othersPlayOn } from './concessions.ts';
import type { LiveMatch } from './live-match.ts';
import { matchConfig } from './match-record.ts';
import { endedResult } from './no-contest.ts';
import type { Presence } from './presence.ts';
import { joinedTablesRefusal } from './quotas.ts';
import type { ResolutionWriter } from './resolution-writer.ts';
import type { MatchStream } from './stream.ts';

type Done = { ok: true } | ErrorBody;

/** A rematch offer's answer: `start` tells the one caller whose agreement completed it. */
/**
 * Where a rematch offer stands: the rematch exists; this caller's agreement completed it and
 * they create it (`start: true`); others have yet to agree (`start: false`); or another caller is
 * creating it right now (`creating`: its id once made, null if making it failed).
 */
export type RematchOffer =
  { rematchId: string } | { start: boolean } | { creating: Promise<string | null> };
/** A seat the match can start with: a CPU's, or a person's the host (if asked) approved. */
const filled = (seat: SeatRecord) => seat.kind === 'cpu' || (!!seat.userId && !seat.pending);
/** Who joins a table: a rated one needs an account. */
export interface Joiner {
  userId: string;
  name: string;
  guest: boolean;
}

/**
 * Seats outside the game's rules: join, start, leave, close, surrender. Each runs on the
 * actor's serial queue (the actor wraps them).
 */
export class Lobby {
  private readonly store: ActorContext['store'];

  constructor(
    private readonly live: LiveMatch,
    private readonly ctx: ActorContext,
    private readonly writer: ResolutionWriter,
    private readonly stream: MatchStream,
    private readonly presence: Presence,
    private readonly schedule: () => void,
  ) {
    this.store = ctx.store;
  }

  /**
   * A rematch every player agreed to is being created: settled with its id (or null when making
   * it failed, and cleared then so another agreement may try again).
   */
  private rematchCreation: {
    made: Promise<string | null>;
    settle(id: string | null): void;
  } | null = null;

  /**
   * Takes the next free human seat (or returns the one the user holds); starts when full (an
   * open table: when full and everyone is ready).
   */
  async join({ userId, name, guest }: Joiner): Promise<{ seat: number } | ErrorBody> {
    const live = this.live;
    const held = live.seatOf(userId);
    if (held !== null) {
      // A join retried after no answer: the start it made may have been cut off (see registry).
      const started = await this.startWhenFull();
      return 'code' in started ? started : { seat: held };
    }
    if (live.record.status !== 'waiting') return errorBody('CONFLICT', 'The match has started.');
    if (live.record.barredUserIds.includes(userId)) {
      return errorBody('FORBIDDEN', 'The host removed you from this match.');
    }
    if (live.record.rated && guest) {
      return errorBody('FORBIDDEN', 'This table is rated: rated play needs an account.');
    }
    const seat = live.record.seats.findIndex((s) => s.kind === 'human' && !s.userId);
    if (seat === -1) return errorBody('CONFLICT', 'Every seat is taken.');
    const pending = live.record.approveJoins ? { pending: true } : {};
    const seats = live.record.seats.map((s, i) =>
      i === seat ? { ...s, userId, name, ...pending } : s,
    );
    // Seats at others' tables are bounded per user; the host's own tables are, at creation.
    const cap = userId === live.record.hostUserId ? 0 : this.ctx.settings.joinedTablesPerUser;
    const stored = await this.store.seatJoiner(live.id, seats, userId, cap);
    if (!stored) return joinedTablesRefusal(this.ctx.metrics, cap);
    live.record = { ...live.record, seats: stored };
    this.presence.closeUser(userId);
    const started = await this.startWhenFull();
    return 'code' in started ? started : { seat };
  }

  /**
   * Starts a new match at once when no human seat is left to fill (and, at an open table,
   * everyone seated is ready); else tells everyone how the table stands.
   */
  async startWhenFull(): Promise<Done> {
    const { record } = this.live;
    const ready = !record.listed || record.seats.every((s) => s.kind === 'cpu' || s.ready);
    if (record.status === 'waiting' && record.seats.every(filled) && ready) {
      return this.startNow(record.seats);
    }
    this.stream.broadcastStatus();
    return { ok: true };
  }

  /**
   * At an open table before the start: the caller is ready (or not any more). When that makes
   * a full table all ready, it starts.
   */
  async setReady(userId: string, ready: boolean): Promise<Done> {
    const live = this.live;
    const seat = live.seatOf(userId);
    if (seat === null) return errorBody('NOT_A_PLAYER', 'You hold no seat in this match.');
    if (!live.record.listed) return errorBody('CONFLICT', 'Only open tables have ready checks.');
    if (live.record.status !== 'waiting') return errorBody('CONFLICT', 'The match has started.');
    if (!!live.record.seats[seat]?.ready === ready) return { ok: true };
    const seats = live.record.seats.map((s, i) => {
      if (i !== seat) return s;
      const { ready: _ready, ...rest } = s;
      return ready ? { ...rest, ready: true } : rest;
    });
    const stored = await this.store.updateSeats(live.id, seats);
    live.record = { ...live.record, seats: stored };
    return this.startWhenFull();
  }

  /** The host approves who holds a seat pending their approval; starts when that fills it. */
  async approve(userId: string, seat: number): Promise<Done> {
    const refused = this.hostBeforeStart(userId, seat);
    if (refused) return refused;
    const seats = this.live.record.seats.map((s, i): SeatRecord => {
      if (i !== seat) return s;
      const { pending: _pending, ...approved } = s;
      return approved;
    });
    const stored = await this.store.updateSeats(this.live.id, seats);
    this.live.record = { ...this.live.record, seats: stored };
    return this.startWhenFull();
  }

  /** The host removes who holds a seat before the start: it is free again, they cannot rejoin. */
  async remove(userId: string, seat: number): Promise<Done> {
    const refused = this.hostBeforeStart(userId, seat);
    if (refused) return refused;
    const removed = this.live.record.seats[seat]?.userId as string;
    const seats = this.live.record.seats.map((s, i): SeatRecord =>
      i === seat ? { kind: 'human' } : s,
    );
    await this.store.barUser(this.live.id, removed);
    const stored = await this.store.updateSeats(this.live.id, seats);
    this.live.record = {
      ...this.live.record,
      seats: stored,
      barredUserIds: [...this.live.record.barredUserIds, removed],
    };
    this.presence.closeUser(removed);
    this.ctx.barred(this.live.id, removed);
    this.stream.broadcastStatus();
    return { ok: true };
  }

  /** Refuses anyone but the host, after the start, and a seat nobody else holds. */
  private hostBeforeStart(userId: string, seat: number): ErrorBody | null {
    const { record } = this.live;
    if (userId !== record.hostUserId)
      return errorBody('FORBIDDEN', 'Only the host decides who plays.');
    if (record.status !== 'waiting') return errorBody('CONFLICT', 'The match has started.');
    const held = record.seats[seat];
    if (!held?.userId || held.userId === userId) {
      return errorBody('NOT_FOUND', 'Nobody else holds that seat.');
    }
    return null;
  }

  /**
   * The host starts now; free human seats are filled by CPUs (when the game has them). At an
   * open table everyone else seated must be ready first (the host's start is their own).
   */
  async start(userId: string): Promise<Done> {
    const { record, game } = this.live;
    if (userId !== record.hostUserId) return errorBody('FORBIDDEN', 'Only the host starts.');
    if (record.status !== 'waiting') return errorBody('CONFLICT', 'The match has started.');
    if (record.seats.some((s) => s.pending)) {
      return errorBody('CONFLICT', 'Approve or remove who is waiting to join first.');
    }
    const unready = record.seats.filter((s) => s.userId && s.userId !== userId && !s.ready);
    if (record.listed && unready.length > 0) {
      return errorBody('CONFLICT', 'Everyone seated must be ready first.', {
        waitingFor: unready.map((s) => s.name ?? ''),
      });
    }
    const cpu = game.cpu;
    const free = record.seats.some((s) => s.kind === 'human' && !s.userId);
    if (free && !cpu) return errorBody('CONFLICT', 'This game has no CPU players for empty seats.');
    const filled = record.seats.map((s): SeatRecord =>
      s.kind === 'human' && !s.userId
        ? { kind: 'cpu', profile: (cpu as { profiles: readonly string[] }).profiles[0] as string }
        : s,
    );
    return this.startNow(nameCpuSeats(filled, cpu?.names, record.id));
  }

  /**
   * Before the start: frees the seat, but the host's leave closes the table (a table is never
   * left waiting without the one person who may start it). During play: the timeout rule plays
   * the seat from now on.
   */
  async leave(userId: string): Promise<Done> {
    const live = this.live;
    const seat = live.seatOf(userId);
    if (seat === null) return errorBody('NOT_A_PLAYER', 'You hold no seat in this match.');
    if (live.record.status === 'over') return { ok: true };
    const waiting = live.record.status === 'waiting';
    if (waiting && userId === live.record.hostUserId) return this.close(userId);
    const seats = live.record.seats.map((s, i): SeatRecord => {
      if (i !== seat) return s;
      return waiting ? { kind: 'human' } : { ...s, left: true };
    });
    const stored = await this.store.updateSeats(live.id, seats);
    live.record = { ...live.record, seats: stored };
    if (waiting) this.presence.closeUser(userId);
    this.stream.broadcastStatus();
    this.schedule();
    return { ok: true };
  }

  /**
   * The account of `userId` was deleted (the store already names its seats `name`, the
   * anonymised name). Here too its seat takes that name. Before the start, the seat is then
   * given up as anyone's leave would (a seat at someone else's table opens again; the host's
   * table closes, and everyone waiting is told). After it, the seat stays (the timeout rule
   * plays it) and everyone watching is told its new name.
   */
  async accountDeleted(userId: string, name: string): Promise<Done> {
    const { record } = this.live;
    const seat = this.live.seatOf(userId);
    if (seat === null) return { ok: true };
    const renamed = record.seats[seat]?.name !== name;
    const seats = record.seats.map((s) => (s.userId === userId ? { ...s, name } : s));
    this.live.record = { ...record, seats };
    if (record.status === 'waiting') return this.leave(userId);
    if (renamed) this.stream.broadcastStatus();
    return { ok: true };
  }

  /** A session of `userId` was revoked: when their account is deleted, see `accountDeleted`. */
  async sessionRevoked(userId: string): Promise<Done> {
    if (this.live.seatOf(userId) === null) return { ok: true };
    const [deleted] = await this.store.deletedAmong([userId]);
    return deleted ? this.accountDeleted(userId, deleted.name) : { ok: true };
  }

  /**
   * The host closes the table before the start: it ends as a no-contest (`reason: 'closed'`),
   * so its room code stops opening it, it leaves the open tables, it no longer counts against
   * anyone's limits, and everyone still here is told (MATCH_STATUS with the result). Closing a
   * table already closed answers as done (a retry whose first answer was lost).
   */
  async close(userId: string): Promise<Done> {
    const { record } = this.live;
    if (userId !== record.hostUserId) {
      return errorBody('FORBIDDEN', 'Only the host closes the table; you may leave it.');
    }
    if (record.status === 'over') {
      return record.result?.reason === 'closed'
        ? { ok: true }
        : errorBody('MATCH_OVER', 'The match is over.');
    }
    if (record.status !== 'waiting') {
      return errorBody('CONFLICT', 'The match has started: leave or resign instead.');
    }
    await this.finish(endedResult('closed'), record.seats);
    this.ctx.metrics.matchesEnded.inc({ reason: 'closed' });
    return { ok: true };
  }

  /**
   * Concedes the caller's own seat. When the others can play on (two seats still contend, one
   * a person), they do: the seat is played by the timeout rule from now on and placed last at
   * the end. Otherwise the match ends now, the seats still contending sharing first place.
   */
  async surrender(userId: string): Promise<Done> {
    const live = this.live;
    const seat = live.seatOf(userId);
    if (seat === null) return errorBody('NOT_A_PLAYER', 'You hold no seat in this match.');
    if (live.record.status !== 'active') {
      return errorBody(
        live.record.status === 'over' ? 'MATCH_OVER' : 'MATCH_NOT_STARTED',
        'Only an active match can be conceded.',
      );
    }
    if (live.record.seats[seat]?.surrendered) return { ok: true };
    const seats = live.record.seats.map((s, i) => (i === seat ? { ...s, surrendered: true } : s));
    if (!othersPlayOn(seats)) {
      await this.finish(concessionResult(seats), seats);
      return { ok: true };
    }
    const stored = await this.store.updateSeats(live.id, seats);
    live.record = { ...live.record, seats: stored };
    this.stream.broadcastStatus(true);
    this.schedule();
    return { ok: true };
  }

  /**
   * The kinds of moment (the game's `autoPlay.stops`) where the player is asked even with
   * nothing to answer with; the automatic player honours them from the next move on.
   */
  async setStops(userId: string, stops: readonly string[]): Promise<Done> {
    const live = this.live;
    const seat = live.seatOf(userId);
    if (seat === null) return errorBody('NOT_A_PLAYER', 'You hold no seat in this match.');
    const known = (live.game.autoPlay?.stops ?? []).map((stop) => stop.id);
    const unknown = stops.find((stop) => !known.includes(stop));
    if (unknown !== undefined)
      return errorBody('BAD_REQUEST', `"${unknown}" is not a stop of this game.`, { known });
    const chosen = known.filter((stop) => stops.includes(stop));
    const seats = live.record.seats.map((s, i) => (i === seat ? { ...s, stops: chosen } : s));
    const stored = await this.store.updateSeats(live.id, seats);
    live.record = { ...live.record, seats: stored };
    this.schedule();
    return { ok: true };
  }

  /**
   * After the end, a player offers (or accepts) a rematch. Once every person at the table has
   * agreed, the caller whose agreement completed it is told to start it (`start: true`); the
   * new match's id is then recorded with `rematchCreated`.
   */
  async offerRematch(userId: string): Promise<RematchOffer | ErrorBody> {
    const live = this.live;
    const seat = live.seatOf(userId);
    if (seat === null) return errorBody('NOT_A_PLAYER', 'You hold no seat in this match.');
    if (live.record.status !== 'over')
      return errorBody('CONFLICT', 'A rematch can be offered once the match is over.');
    if (live.record.rematchId) return { rematchId: live.record.rematchId };
    if (!live.record.seats[seat]!.rematch) {
      const seats = live.record.seats.map((s, i) => (i === seat ? { ...s, rematch: true } : s));
      const stored = await this.store.updateSeats(live.id, seats);
      live.record = { ...live.record, seats: stored };
      this.stream.broadcastStatus();
    }
    const everyone = live.record.seats.every((s) => s.kind === 'cpu' || s.rematch);
    if (!everyone) return { start: false };
    if (this.rematchCreation) return { creating: this.rematchCreation.made };
    let settle: (id: string | null) => void = () => undefined;
    const made = new Promise<string | null>((resolve) => (settle = resolve));
    this.rematchCreation = { made, settle };
    return { start: true };
  }

  /** The rematch exists: every connection is told where to go, and every waiting offer. */
  async rematchCreated(rematchId: string | null): Promise<void> {
    const creation = this.rematchCreation;
    try {
      if (rematchId === null) {
        this.rematchCreation = null;
        return;
      }
      await this.store.setRematch(this.live.id, rematchId);
      this.live.record = { ...this.live.record, rematchId };
      this.stream.broadcastStatus();
    } finally {
      creation?.settle(rematchId);
    }
  }

  /** Ends the match as the server decides (expiry, abandonment) if `stillDue` still holds. */
  async conclude(result: Outcome, stillDue: () => boolean): Promise<boolean> {
    if (this.live.record.status === 'over' || !stillDue()) return false;
    await this.finish(result, this.live.record.seats);
    return true;
  }

  /** Stores the end of the match (status, result, seats) and tells every connection. */
  private async finish(result: Outcome, seats: SeatRecord[]): Promise<void> {
    const endedAt = new Date().toISOString();
    const stored = await this.store.endMatch(this.live.id, result, seats, endedAt);
    this.live.record = { ...this.live.record, status: 'over', result, seats: stored, endedAt };
    this.stream.broadcastStatus(true);
    this.schedule();
  }

  private async startNow(seats: SeatRecord[]): Promise<Done> {
    const config = matchConfig({ ...this.live.record, seats });
    const { match, resolution } = startMatch(this.live.game, config);
    const stored = await this.writer.write(match, resolution, null, seats);
    return stored.ok ? { ok: true } : stored.error;
  }
}
