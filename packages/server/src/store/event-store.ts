import type { AddressKey } from '../address-key.ts';
import type { Outcome } from '@cardtable/engine';
import type { MatchStatus } from '@cardtable/sdk/protocol';
import { lockForTransaction, writeUnderCap, type Database, type Row } from './database.ts';
import { GroupCommit } from './group-commit.ts';

/** A seat as stored: the game's seat config plus who holds it and whether they gave it up. */
export interface SeatRecord {
  kind: 'human' | 'cpu';
  profile?: string;
  name?: string;
  userId?: string;
  /** Left the match: the timeout rule plays this seat from now on. */
  left?: boolean;
  surrendered?: boolean;
  /** Kinds of moment the player wants to be asked at even with nothing to answer with. */
  stops?: string[];
  /** After the end: this player offered (or accepted) a rematch. */
  rematch?: boolean;
  /** Joined a match whose host approves joins, and not approved yet (the seat is held). */
  pending?: boolean;
  /** At an open table before the start: this player said they are ready to play. */
  ready?: boolean;
}

/** Who may export a finished match: its players, or also whoever has its replay link. */
export type ReplayPrivacy = 'private' | 'link';

export interface MatchRecord {
  id: string;
  game: string;
  rulesetVersion: string;
  engineVersion: string;
  /** The options after the game parsed them (defaults filled in). */
  options: unknown;
  seats: SeatRecord[];
  status: MatchStatus;
  seed: string;
  code: string;
  hostUserId: string;
  turnTimeLimitMs: number | null;
  version: number;
  createdAt: string;
  endedAt: string | null;
  result: Outcome | null;
  /** The last time someone was known to be connected (its creation until then). */
  seenAt: string;
  /** The match its players agreed to play next, once they all did. */
  rematchId: string | null;
  replayPrivacy: ReplayPrivacy;
  /** The unguessable token of a 'link' match's export (null for private ones). */
  replayLink: string | null;
  /** Users the host removed before the start: they cannot join again. */
  barredUserIds: string[];
  /** Joins wait for the host's approval. */
  approveJoins: boolean;
  /** Counts for ratings (the rated queue, or a host's choice); its players are registered. */
  rated: boolean;
  /** An open table: listed in the lobby while it waits, started once everyone seated is ready. */
  listed: boolean;
}

/** A new match as its creator asked for it; the store fills in the times and the version. */
export type NewMatch = Omit<
  MatchRecord,
  | 'createdAt'
  | 'endedAt'
  | 'result'
  | 'version'
  | 'seenAt'
  | 'rematchId'
  | 'replayPrivacy'
  | 'replayLink'
  | 'barredUserIds'
  | 'approveJoins'
  | 'rated'
  | 'listed'
> &
  Partial<
    Pick<MatchRecord, 'replayPrivacy' | 'replayLink' | 'approveJoins' | 'rated' | 'listed'>
  > & {
    /** The address it was created from (its key: an IPv6 address's /64), for per-address quotas. */
    creatorIp?: AddressKey;
  };

/** How many matches a user and an address created since a time, and have open (not over). */
export interface QuotaUsage {
  createdByUser: number;
  openByUser: number;
  createdByIp: number;
  openByIp: number;
  /** Open tables (listed, waiting) the user hosts. */
  openTablesByUser: number;
}

/** One step of the log, unprojected. */
export interface StoredEvent {
  version: number;
  step: number;
  resolutionId: string;
  type: string;
  data: unknown;
  requiresAck: boolean;
  ts: string;
}

/** Who played an action: a client for its seat, or the server (a CPU, the timeout rule). */
export type ActionOrigin = 'client' | 'server';

export interface StoredAction {
  actionId: string;
  seat: number;
  source: ActionOrigin;
  version: number;
  type: string;
  payload: unknown;
}

/** Everything one resolution writes, in one statement. */
export interface ResolutionWrite {
  matchId: string;
  version: number;
  resolutionId: string;
  ts: string;
  steps: { step: number; type: string; data: unknown; requiresAck: boolean }[];
  /** The action that caused it (null for the opening resolution). */
  action: StoredAction | null;
  status: MatchStatus;
  result: Outcome | null;
  /** New seat records, when they changed with this resolution (the start fills CPU seats). */
  seats?: SeatRecord[];
  /** The state after it, stored as a snapshot in the same statement (every SNAPSHOT_EVERY). */
  snapshot?: unknown;
}

/** Another writer already wrote this (match, version): the caller's view of the match is stale. */
export class VersionConflict extends Error {
  constructor(
    readonly matchId: string,
    readonly version: number,
  ) {
    super(`Match ${matchId} already has version ${version}.`);
  }
}

const iso = (value: unknown): string => (value as Date).toISOString();
const isoOrNull = (value: unknown): string | null => (value === null ? null : iso(value));

/**
 * Group commits under way at once on PostgreSQL: each on a connection of its own, their WAL
 * flushes overlapping, so an append waits for its own commit rather than for the one before
 * it to end too (PGlite runs one statement at a time: one).
 */
const POSTGRES_COMMITS_IN_FLIGHT = 3;

/** The match log and its metadata in PostgreSQL. Every write of a match goes through its actor. */
export class EventStore {
  /** Resolution appends, committed together per batch. */
  readonly groupCommit: GroupCommit<ResolutionWrite>;

  constructor(private readonly db: Database) {
    this.groupCommit = new GroupCommit(
      (writes) => appendMany(db, writes),
      db.kind === 'postgres' ? POSTGRES_COMMITS_IN_FLIGHT : 1,
    );
  }

  async createMatch(match: NewMatch): Promise<void> {
    await insertMatch(this.db.query, match);
  }

  /**
   * Inserts `match` unless `refuse`, given what its host and its address have used of their
   * quotas, answers a refusal (then answered, and nothing stored). The count and the insert run
   * in one transaction holding the host's and then the address's advisory lock, so creations on
   * every node of this database are counted one after another: a burst cannot slip past a limit.
   */
  async createMatchWithinQuota<R>(
    match: NewMatch & { creatorIp: AddressKey },
    createdSince: string,
    caps: QuotaUsage,
    refuse: (usage: QuotaUsage) => R | null,
  ): Promise<R | null> {
    return this.db.transaction(async (query) => {
      await lockForTransaction(query, `quota:user:${match.hostUserId}`);
      await lockForTransaction(query, `quota:ip:${match.creatorIp}`);
      const usage = await quotaUsage(query, match.hostUserId, match.creatorIp, createdSince, caps);
      const refusal = refuse(usage);
      if (refusal === null) await insertMatch(query, match);
      return refusal;
    });
  }

  async getMatch(id: string): Promise<MatchRecord | null> {
    return (await this.getMatches([id]))[0] ?? null;
  }

  /**
   * The matches of these ids that exist, in no particular order. One statement for one id or
   * many: `= ANY` of a one-element array is the same primary-key lookup as `= $1`.
   */
  async getMatches(ids: readonly string[]): Promise<MatchRecord[]> {
    const rows = await this.db.query(
      `SELECT ${MATCH_RECORD} FROM matches m WHERE m.id = ANY($1::text[])`,
      [ids],
    );
    return rows.map(toMatch);
  }

  /**
   * The match a room code opens: only while it waits for players (a code expires at the start),
   * or, until it is over, for a user who already holds a seat in it (a retried join, whose first
   * try may have filled the table, answers with the seat).
   */
  async waitingMatchIdByCode(code: string, userId: string): Promise<string | null> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM matches
        WHERE code = $1
          AND (status = 'waiting'
               OR (status = 'active'
                   AND id IN (SELECT match_id FROM match_players WHERE user_id = $2)))`,
      [code, userId],
    );
    return rows[0]?.id ?? null;
  }

  /** The started, unfinished matches: the ones with clocks and CPU moves to run. */
  async activeMatchIds(): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM matches WHERE status = 'active' ORDER BY created_at`,
    );
    return rows.map((row) => row.id);
  }

  /** Records when someone was last connected to each match (a later time already stored wins). */
  async markSeen(seen: { id: string; at: string }[]): Promise<void> {
    if (seen.length === 0) return;
    await this.db.query(
      `UPDATE matches AS m SET seen_at = GREATEST(m.seen_at, s.at)
       FROM unnest($1::text[], $2::timestamptz[]) AS s(id, at)
       WHERE m.id = s.id`,
      [seen.map((s) => s.id), seen.map((s) => s.at)],
    );
  }

  /**
   * Ends, without a resolution, every match in `status` whose `since` time (creation or last
   * watched) is before `before`, except the `skip` ones (their actors end them). Returns the ids.
   */
  async endStale(options: {
    status: 'waiting' | 'active';
    since: 'created_at' | 'seen_at';
    before: string;
    skip: string[];
    result: Outcome;
    endedAt: string;
  }): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `UPDATE matches SET status = 'over', result = $1, ended_at = $2
       WHERE status = $3 AND ${options.since} < $4 AND NOT (id = ANY($5::text[]))
       RETURNING id`,
      [
        JSON.stringify(options.result),
        options.endedAt,
        options.status,
        options.before,
        options.skip,
      ],
    );
    return rows.map((row) => row.id);
  }

  async matchesOf(userId: string, limit = 100): Promise<MatchRecord[]> {
    const rows = await this.db.query(
      `SELECT ${MATCH_RECORD} FROM matches m
       WHERE m.id IN (SELECT match_id FROM match_players WHERE user_id = $1)
       ORDER BY m.created_at DESC LIMIT $2`,
      [userId, limit],
    );
    return rows.map(toMatch);
  }

  /** How many unfinished matches (waiting or in play) the user holds a seat in, up to `cap`. */
  async unfinishedSeatsOf(userId: string, cap: number): Promise<number> {
    const rows = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM match_players p JOIN matches m ON m.id = p.match_id
         WHERE p.user_id = $1 AND m.status <> 'over' LIMIT $2) seated`,
      [userId, cap],
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * Seats that deleted accounts still hold at matches waiting for players (their own tables or
   * others'), with the name the deletion gave them, up to `limit`.
   */
  async waitingSeatsOfDeleted(
    limit = 100,
  ): Promise<{ matchId: string; userId: string; name: string }[]> {
    return this.db.query<{ matchId: string; userId: string; name: string }>(
      `SELECT p.match_id AS "matchId", p.user_id AS "userId", u.name
         FROM matches m
         JOIN match_players p ON p.match_id = m.id
         JOIN users u ON u.id = p.user_id
        WHERE m.status = 'waiting' AND u.deleted_at IS NOT NULL
        ORDER BY m.created_at
        LIMIT $1`,
      [limit],
    );
  }

  /**
   * The accounts deleted after `since` less `lookBackMs` (by `since`'s clock: the database's,
   * as `checkedAt` of an earlier call; null: `lookBackMs` before now), with the name each
   * deletion gave them, and `checkedAt`: the database's time of this read, to pass as the next
   * `since`. Found by the partial index on `deleted_at`, so it reads only those accounts.
   */
  async deletedSince(
    since: string | null,
    lookBackMs: number,
  ): Promise<{ deleted: { userId: string; name: string }[]; checkedAt: string }> {
    const [row] = await this.db.query<{
      checkedAt: string;
      deleted: { userId: string; name: string }[];
    }>(
      `SELECT now()::text AS "checkedAt",
              coalesce((SELECT jsonb_agg(jsonb_build_object('userId', id, 'name', name))
                          FROM users
                         WHERE deleted_at > coalesce($1::timestamptz, now())
                                              - $2::int * interval '1 millisecond'), '[]') AS deleted`,
      [since, lookBackMs],
    );
    return row!;
  }

  /** Which of `userIds` belong to deleted accounts, with the name each deletion gave them. */
  async deletedAmong(userIds: readonly string[]): Promise<{ userId: string; name: string }[]> {
    if (userIds.length === 0) return [];
    return this.db.query<{ userId: string; name: string }>(
      `SELECT id AS "userId", name FROM users
        WHERE id = ANY($1::text[]) AND deleted_at IS NOT NULL`,
      [[...new Set(userIds)]],
    );
  }

  /** Bars a user from joining a match again (the host removed them before the start). */
  async barUser(matchId: string, userId: string): Promise<void> {
    await this.db.query(
      `UPDATE matches SET barred_user_ids = barred_user_ids || to_jsonb($2::text)
       WHERE id = $1 AND NOT barred_user_ids ? $2`,
      [matchId, userId],
    );
  }

  /**
   * Seats changed (join, leave, surrender...): seats and the player index in one go. Resolves
   * the seats as stored, which name a deleted account's seat as its deletion did (see
   * `seatsAsStored`): the caller holds those, not the ones it wrote.
   */
  async updateSeats(matchId: string, seats: SeatRecord[]): Promise<SeatRecord[]> {
    return writeSeats(this.db.query, matchId, seats);
  }

  /**
   * How many tables that others host and that still wait for players the user holds a seat at
   * (pending approval or not), leaving out `except`, up to `cap`.
   */
  async joinedTablesOf(userId: string, cap: number, except = ''): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(JOINED_TABLES, [userId, except, cap]);
    return row?.n ?? 0;
  }

  /**
   * A join: stores the waiting match's new `seats`, which seat `userId`, unless they already
   * hold a seat at `cap` other tables that others host and that wait for players (0: no limit);
   * then false, and nothing changes. The count and the write run in one transaction holding the
   * user's advisory lock, so joins to any number of tables at once, on every node of this
   * database, are counted one after another: a burst cannot slip past the limit. Resolves the
   * seats as stored (see `updateSeats`), or null when refused.
   */
  async seatJoiner(
    matchId: string,
    seats: SeatRecord[],
    userId: string,
    cap: number,
  ): Promise<SeatRecord[] | null> {
    if (cap === 0) return this.updateSeats(matchId, seats);
    const seated = await this.db.transaction((query) =>
      writeUnderCap(
        query,
        {
          lock: `quota:joined:${userId}`,
          count: JOINED_TABLES,
          params: [userId, matchId, cap],
          cap,
        },
        () => writeSeats(query, matchId, seats),
      ),
    );
    return seated.ok ? seated.value : null;
  }

  /** Records the match a finished match's players agreed to play next. */
  async setRematch(matchId: string, rematchId: string): Promise<void> {
    await this.db.query('UPDATE matches SET rematch_id = $2 WHERE id = $1', [matchId, rematchId]);
  }

  /**
   * Ends a match without a resolution (surrender): status, result and seats. Resolves the seats
   * as stored (see `updateSeats`).
   */
  async endMatch(
    matchId: string,
    result: Outcome,
    seats: SeatRecord[],
    endedAt: string,
  ): Promise<SeatRecord[]> {
    const rows = await this.db.query<{ seats: SeatRecord[] }>(
      `UPDATE matches SET status = 'over', result = $2, seats = ${seatsAsStored('$3::jsonb')},
         ended_at = $4
       WHERE id = $1 RETURNING seats`,
      [matchId, JSON.stringify(result), JSON.stringify(seats), endedAt],
    );
    return rows[0]?.seats ?? seats;
  }

  /**
   * Appends a resolution: its events, its action and, at a start or an end, the match's status. It
   * shares its commit with the appends of other matches made meanwhile (group commit) and
   * resolves once that commit is durable. A second writer of the same version fails whole:
   * that is a VersionConflict.
   */
  async appendResolution(write: ResolutionWrite): Promise<void> {
    const failure = await this.groupCommit.append(write);
    if (failure?.kind === 'conflict') throw new VersionConflict(write.matchId, write.version);
    if (failure) throw failure.error;
  }

  /** The action a seat's client sent with this id, if it was accepted. */
  async findAction(matchId: string, seat: number, actionId: string): Promise<StoredAction | null> {
    const rows = await this.db.query(
      `SELECT version, action FROM match_log
       WHERE match_id = $1 AND action IS NOT NULL AND action ->> 'seat' = $2
         AND action ->> 'source' = 'client' AND action ->> 'action_id' = $3`,
      [matchId, String(seat), actionId],
    );
    return rows[0] ? toAction(rows[0]) : null;
  }

  async actions(matchId: string): Promise<StoredAction[]> {
    const rows = await this.db.query(
      `SELECT version, action FROM match_log
       WHERE match_id = $1 AND action IS NOT NULL ORDER BY version`,
      [matchId],
    );
    return rows.map(toAction);
  }

  /** Events with version in (afterVersion, upToVersion], in log order. */
  async events(matchId: string, afterVersion = 0, upToVersion?: number): Promise<StoredEvent[]> {
    const rows = await this.db.query(
      `SELECT version, resolution_id, ts, steps FROM match_log
       WHERE match_id = $1 AND version > $2 AND ($3::int IS NULL OR version <= $3)
       ORDER BY version`,
      [matchId, afterVersion, upToVersion ?? null],
    );
    return rows.flatMap(toEvents);
  }

  /** The latest snapshot at or before `atMost` (any, when omitted). */
  async latestSnapshot(
    matchId: string,
    atMost?: number,
  ): Promise<{ version: number; state: unknown } | null> {
    const rows = await this.db.query(
      `SELECT version, state FROM match_snapshots
       WHERE match_id = $1 AND ($2::int IS NULL OR version <= $2)
       ORDER BY version DESC LIMIT 1`,
      [matchId, atMost ?? null],
    );
    const row = rows[0];
    return row ? { version: row.version as number, state: row.state } : null;
  }

  /** The replay this user already imported with this content, if any. */
  async replayByContent(userId: string, contentHash: string): Promise<ReplayVerdict | null> {
    const rows = await this.db.query(REPLAY_BY_CONTENT, [userId, contentHash]);
    return rows[0] ? toVerdict(rows[0]) : null;
  }

  /** How many replays, and how many bytes of them, a user has stored. */
  async replayUsage(userId: string): Promise<ReplayUsage> {
    return toUsage(await this.db.query(REPLAY_USAGE, [userId]));
  }

  /**
   * Stores an imported replay unless it would take its importer past `quota` (checked under a
   * per-user lock, so concurrent imports cannot overshoot it). The same content imported again
   * by the same user gives the stored replay back.
   */
  async saveReplay(replay: NewReplay, quota: ReplayUsage): Promise<SaveReplayResult> {
    return this.db.transaction(async (query) => {
      await lockForTransaction(query, `replays:${replay.userId}`);
      const existing = await query(REPLAY_BY_CONTENT, [replay.userId, replay.contentHash]);
      if (existing[0]) return { kind: 'existing', replay: toVerdict(existing[0]) };
      const used = toUsage(await query(REPLAY_USAGE, [replay.userId]));
      if (used.count + 1 > quota.count || used.bytes + replay.bytes > quota.bytes) {
        return { kind: 'over-quota', used };
      }
      await query(
        `INSERT INTO replays (id, file, verified, problem, imported_by, bytes, content_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          replay.id,
          replay.text,
          replay.verified,
          replay.problem,
          replay.userId,
          replay.bytes,
          replay.contentHash,
        ],
      );
      return { kind: 'saved' };
    });
  }

  async getReplay(id: string): Promise<StoredReplay | null> {
    const rows = await this.db.query(
      'SELECT id, file, verified, problem, imported_by, created_at FROM replays WHERE id = $1',
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      ...toVerdict(row),
      file: row.file,
      importedBy: row.imported_by as string,
      importedAt: new Date(row.created_at as string).toISOString(),
    };
  }

  /** Deletes a replay its importer no longer wants; false when there is no such replay of theirs. */
  async deleteReplay(id: string, userId: string): Promise<boolean> {
    const rows = await this.db.query(
      'DELETE FROM replays WHERE id = $1 AND imported_by = $2 RETURNING id',
      [id, userId],
    );
    return rows.length > 0;
  }
}

/** Whether a stored replay is verified, and if not, why. */
export interface ReplayVerdict {
  id: string;
  verified: boolean;
  problem: string | null;
}

export interface StoredReplay extends ReplayVerdict {
  file: unknown;
  importedBy: string;
  importedAt: string;
}

export interface ReplayUsage {
  count: number;
  bytes: number;
}

export interface NewReplay {
  id: string;
  userId: string;
  /** The file as JSON text, `bytes` long, with this SHA-256. */
  text: string;
  bytes: number;
  contentHash: string;
  verified: boolean;
  problem: string | null;
}

export type SaveReplayResult =
  | { kind: 'saved' }
  | { kind: 'existing'; replay: ReplayVerdict }
  | { kind: 'over-quota'; used: ReplayUsage };

const REPLAY_BY_CONTENT =
  'SELECT id, verified, problem FROM replays WHERE imported_by = $1 AND content_hash = $2';
const REPLAY_USAGE = `SELECT count(*)::int AS count, coalesce(sum(bytes), 0)::bigint AS bytes
  FROM replays WHERE imported_by = $1`;

const toUsage = (rows: Row[]): ReplayUsage => ({
  count: rows[0]?.count as number,
  bytes: Number(rows[0]?.bytes),
});

function toVerdict(row: Row): ReplayVerdict {
  return {
    id: row.id as string,
    verified: row.verified as boolean,
    problem: (row.problem as string | null) ?? null,
  };
}

/**
 * The columns of a match record (`m` is the match row). Its version is the latest in its log,
 * found by the log's key, so no resolution moves the match row (migration 021).
 */
const MATCH_RECORD = `m.*,
  coalesce((SELECT max(l.version) FROM match_log l WHERE l.match_id = m.id), 0) AS version`;

function toMatch(row: Row): MatchRecord {
  return {
    id: row.id as string,
    game: row.game as string,
    rulesetVersion: row.ruleset_version as string,
    engineVersion: row.engine_version as string,
    options: row.options,
    seats: row.seats as SeatRecord[],
    status: row.status as MatchStatus,
    seed: row.seed as string,
    code: row.code as string,
    hostUserId: row.host_user_id as string,
    turnTimeLimitMs: (row.turn_time_limit_ms as number | null) ?? null,
    version: row.version as number,
    createdAt: iso(row.created_at),
    endedAt: isoOrNull(row.ended_at),
    result: (row.result as Outcome | null) ?? null,
    seenAt: iso(row.seen_at),
    rematchId: (row.rematch_id as string | null) ?? null,
    replayPrivacy: (row.replay_privacy as ReplayPrivacy | undefined) ?? 'private',
    replayLink: (row.replay_link as string | null | undefined) ?? null,
    barredUserIds: (row.barred_user_ids as string[] | undefined) ?? [],
    approveJoins: (row.approve_joins as boolean | undefined) ?? false,
    rated: (row.rated as boolean | undefined) ?? false,
    listed: (row.listed as boolean | undefined) ?? false,
  };
}

/** The action of a row of the log, as `appendMany` stored it. */
interface LoggedAction {
  action_id: string;
  seat: number;
  source: ActionOrigin;
  type: string;
  payload: unknown;
}

/** A step of a row of the log, as `appendMany` stored it. */
interface LoggedStep {
  step: number;
  type: string;
  data: unknown;
  requires_ack: boolean;
}

function toAction(row: Row): StoredAction {
  const action = row.action as LoggedAction;
  return {
    actionId: action.action_id,
    seat: action.seat,
    source: action.source,
    version: row.version as number,
    type: action.type,
    payload: action.payload,
  };
}

function toEvents(row: Row): StoredEvent[] {
  const ts = iso(row.ts);
  return (row.steps as LoggedStep[]).map((step) => ({
    version: row.version as number,
    step: step.step,
    resolutionId: row.resolution_id as string,
    type: step.type,
    data: step.data,
    requiresAck: step.requires_ack,
    ts,
  }));
}

/**
 * Appends resolutions of distinct matches in one statement: a row of the log each (its steps and
 * the action that caused it, for idempotency and replays), their snapshots and each match's new
 * status where it changed. The log's (match, version) key makes a second writer of the same
 * version fail the statement whole, as its action ids do a repeated action (migration 022).
 */
async function appendMany(db: Database, writes: readonly ResolutionWrite[]): Promise<void> {
  const rows = writes.map((write) => ({
    match_id: write.matchId,
    version: write.version,
    resolution_id: write.resolutionId,
    ts: write.ts,
    status: write.status,
    // Absent keys are SQL NULLs: no result yet, seats unchanged.
    ...(write.result ? { result: write.result } : {}),
    ...(write.seats ? { seats: write.seats } : {}),
    ...(write.snapshot === undefined ? {} : { snapshot: write.snapshot }),
    steps: write.steps.map((s): LoggedStep => ({
      step: s.step,
      type: s.type,
      data: s.data ?? null,
      requires_ack: s.requiresAck,
    })),
    ...(write.action ? { action: loggedAction(write.action) } : {}),
  }));
  await db.query(APPEND_MANY, [JSON.stringify(rows)], 'append-resolutions');
}

const loggedAction = (action: StoredAction): LoggedAction => ({
  action_id: action.actionId,
  seat: action.seat,
  source: action.source,
  type: action.type,
  payload: action.payload ?? null,
});

const APPEND_MANY = `
  WITH w AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS w(match_id text, version int,
      resolution_id text, ts timestamptz, status text, result jsonb, seats jsonb, snapshot jsonb,
      steps jsonb, action jsonb)
  ), logged AS (
    INSERT INTO match_log (match_id, version, resolution_id, ts, steps, action)
    SELECT w.match_id, w.version, w.resolution_id, w.ts, w.steps, w.action FROM w
  ), snapshots AS (
    INSERT INTO match_snapshots (match_id, version, state)
    SELECT w.match_id, w.version, w.snapshot FROM w WHERE w.snapshot IS NOT NULL
    ON CONFLICT (match_id, version) DO NOTHING
  )
  -- The match row moves only at a start (the opening resolution, version 1, with its seats) and at
  -- an end: every other resolution skips even the lookup. Its version is read from the log
  -- (MATCH_RECORD).
  UPDATE matches AS m
  SET status = w.status, result = w.result,
      ended_at = CASE WHEN w.status = 'over' THEN w.ts ELSE m.ended_at END,
      seats = CASE WHEN w.seats IS NULL THEN m.seats
                   ELSE COALESCE(${seatsAsStored('w.seats')}, m.seats) END
  FROM w
  WHERE m.id = w.match_id AND (w.version = 1 OR w.status <> 'active' OR w.seats IS NOT NULL)`;

/**
 * The SQL of `seats` (a jsonb array, or NULL) as they are to be stored: a seat whose account is
 * deleted carries the name its deletion gave it, whichever name the writer held in memory (a
 * live match may not have heard of the deletion yet), so no write brings a deleted name back.
 * The seated users' rows are read FOR SHARE: their latest version, waiting for a deletion being
 * committed (which renames the stored seats in the same transaction), so neither write can
 * undo the other. They are locked before the match row, in the order the deletion takes them.
 */
function seatsAsStored(seats: string): string {
  return `(SELECT jsonb_agg(CASE WHEN u.deleted_at IS NULL THEN s.seat
                                ELSE s.seat || jsonb_build_object('name', u.name) END
                           ORDER BY s.position)
     FROM jsonb_array_elements(${seats}) WITH ORDINALITY AS s(seat, position)
     LEFT JOIN LATERAL (SELECT name, deleted_at FROM users WHERE id = s.seat->>'userId'
                        FOR SHARE) u ON true)`;
}

/**
 * Writes a match's seats and its player index (one row per seat a user holds) in one statement;
 * resolves the seats as stored (`seatsAsStored`).
 */
async function writeSeats(
  query: Database['query'],
  matchId: string,
  seats: SeatRecord[],
): Promise<SeatRecord[]> {
  const players = seats.flatMap((seat, index) =>
    seat.userId ? [{ seat: index, user_id: seat.userId }] : [],
  );
  const rows = await query<{ seats: SeatRecord[] }>(
    `WITH cleared AS (DELETE FROM match_players WHERE match_id = $1),
          added AS (
            INSERT INTO match_players (match_id, seat, user_id)
            SELECT $1, p.seat, p.user_id
            FROM jsonb_to_recordset($3::jsonb) AS p(seat int, user_id text)
            ON CONFLICT (match_id, seat) DO UPDATE SET user_id = EXCLUDED.user_id)
     UPDATE matches SET seats = ${seatsAsStored('$2::jsonb')} WHERE id = $1 RETURNING seats`,
    [matchId, JSON.stringify(seats), JSON.stringify(players)],
  );
  return rows[0]?.seats ?? seats;
}

/** Waiting tables others host where the user ($1) holds a seat, but $2, counted up to $3. */
const JOINED_TABLES = `SELECT count(*)::int AS n FROM (
    SELECT 1 FROM match_players p JOIN matches m ON m.id = p.match_id
    WHERE p.user_id = $1 AND m.status = 'waiting' AND m.host_user_id <> $1 AND m.id <> $2
    LIMIT $3) joined`;

async function insertMatch(query: Database['query'], match: NewMatch): Promise<void> {
  await query(
    `INSERT INTO matches (id, game, ruleset_version, engine_version, options, seats, status, seed,
       code, host_user_id, turn_time_limit_ms, creator_ip, rated, replay_privacy, replay_link,
       approve_joins, listed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      match.id,
      match.game,
      match.rulesetVersion,
      match.engineVersion,
      JSON.stringify(match.options ?? null),
      JSON.stringify(match.seats),
      match.status,
      match.seed,
      match.code,
      match.hostUserId,
      match.turnTimeLimitMs,
      match.creatorIp ?? null,
      match.rated ?? false,
      match.replayPrivacy ?? 'private',
      match.replayLink ?? null,
      match.approveJoins ?? false,
      match.listed ?? false,
    ],
  );
}

/**
 * What a user and an address used of their match quotas. Each count stops at its cap (0: not
 * counted), so the work is bounded by the quota, not by how many matches they ever made.
 */
async function quotaUsage(
  query: Database['query'],
  userId: string,
  ip: string,
  createdSince: string,
  caps: QuotaUsage,
): Promise<QuotaUsage> {
  const capped = (where: string, cap: number) =>
    `(SELECT count(*)::int FROM (SELECT 1 FROM matches WHERE ${where} LIMIT ${cap}) AS q)`;
  const rows = await query(
    `SELECT
       ${capped('host_user_id = $1 AND created_at > $3', caps.createdByUser)} AS created_by_user,
       ${capped(`host_user_id = $1 AND status <> 'over'`, caps.openByUser)} AS open_by_user,
       ${capped('creator_ip = $2 AND created_at > $3', caps.createdByIp)} AS created_by_ip,
       ${capped(`creator_ip = $2 AND status <> 'over'`, caps.openByIp)} AS open_by_ip,
       ${capped(`host_user_id = $1 AND status = 'waiting' AND listed`, caps.openTablesByUser)}
         AS open_tables_by_user`,
    [userId, ip, createdSince],
  );
  const row = rows[0] as Row;
  return {
    createdByUser: row.created_by_user as number,
    openByUser: row.open_by_user as number,
    createdByIp: row.created_by_ip as number,
    openByIp: row.open_by_ip as number,
    openTablesByUser: row.open_tables_by_user as number,
  };
}
