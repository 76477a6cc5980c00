import type { Outcome } from '@cardtable/engine';
import type { MatchStatus } from '@cardtable/sdk/protocol';
import { isUniqueViolation, type Database, type Row } from './database.ts';

/** A seat as stored: the game's seat config plus who holds it and whether they gave it up. */
export interface SeatRecord {
  kind: 'human' | 'cpu';
  profile?: string;
  name?: string;
  userId?: string;
  /** Left the match: the timeout rule plays this seat from now on. */
  left?: boolean;
  surrendered?: boolean;
}

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

/** The match log and its metadata in PostgreSQL. Every write of a match goes through its actor. */
export class EventStore {
  constructor(private readonly db: Database) {}

  async createMatch(match: Omit<MatchRecord, 'createdAt' | 'endedAt' | 'result' | 'version'>) {
    await this.db.query(
      `INSERT INTO matches (id, game, ruleset_version, engine_version, options, seats, status, seed,
         code, host_user_id, turn_time_limit_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
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
      ],
    );
  }

  async getMatch(id: string): Promise<MatchRecord | null> {
    const rows = await this.db.query('SELECT * FROM matches WHERE id = $1', [id]);
    return rows[0] ? toMatch(rows[0]) : null;
  }

  async matchIdByCode(code: string): Promise<string | null> {
    const rows = await this.db.query<{ id: string }>('SELECT id FROM matches WHERE code = $1', [
      code,
    ]);
    return rows[0]?.id ?? null;
  }

  async unfinishedMatchIds(): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM matches WHERE status <> 'over' ORDER BY created_at`,
    );
    return rows.map((row) => row.id);
  }

  async matchesOf(userId: string, limit = 100): Promise<MatchRecord[]> {
    const rows = await this.db.query(
      `SELECT m.* FROM matches m
       WHERE m.id IN (SELECT match_id FROM match_players WHERE user_id = $1)
       ORDER BY m.created_at DESC LIMIT $2`,
      [userId, limit],
    );
    return rows.map(toMatch);
  }

  /** Seats changed before the start (join, leave): seats and the player index in one go. */
  async updateSeats(matchId: string, seats: SeatRecord[]): Promise<void> {
    const players = seats.flatMap((seat, index) =>
      seat.userId ? [{ seat: index, user_id: seat.userId }] : [],
    );
    await this.db.query(
      `WITH cleared AS (DELETE FROM match_players WHERE match_id = $1),
            added AS (
              INSERT INTO match_players (match_id, seat, user_id)
              SELECT $1, p.seat, p.user_id
              FROM jsonb_to_recordset($3::jsonb) AS p(seat int, user_id text)
              ON CONFLICT (match_id, seat) DO UPDATE SET user_id = EXCLUDED.user_id)
       UPDATE matches SET seats = $2 WHERE id = $1`,
      [matchId, JSON.stringify(seats), JSON.stringify(players)],
    );
  }

  /** Ends a match without a resolution (surrender): status, result and seats. */
  async endMatch(matchId: string, result: Outcome, seats: SeatRecord[], endedAt: string) {
    await this.db.query(
      `UPDATE matches SET status = 'over', result = $2, seats = $3, ended_at = $4 WHERE id = $1`,
      [matchId, JSON.stringify(result), JSON.stringify(seats), endedAt],
    );
  }

  /**
   * Appends a resolution: its events, its action (for idempotency and replays) and the match's
   * new version and status, in one statement. The (match, version, step) key makes a second
   * writer of the same version fail whole: that is a VersionConflict.
   */
  async appendResolution(write: ResolutionWrite): Promise<void> {
    const steps = write.steps.map((s) => ({
      step: s.step,
      type: s.type,
      data: s.data ?? null,
      requires_ack: s.requiresAck,
    }));
    const action = write.action;
    try {
      await this.db.query(
        `WITH events AS (
           INSERT INTO match_events (match_id, version, step, resolution_id, type, data,
             requires_ack, ts)
           SELECT $1, $2, s.step, $3, s.type, s.data, s.requires_ack, $4
           FROM jsonb_to_recordset($5::jsonb)
             AS s(step int, type text, data jsonb, requires_ack boolean)
         ), accepted AS (
           INSERT INTO match_actions (match_id, action_id, seat, source, version, type, payload,
             result)
           SELECT $1, a.action_id, a.seat, a.source, $2, a.type, a.payload,
             jsonb_build_object('version', $2::int)
           FROM jsonb_to_recordset($6::jsonb)
             AS a(action_id text, seat int, source text, type text, payload jsonb)
         )
         UPDATE matches
         SET version = $2, status = $7, result = $8,
             ended_at = CASE WHEN $7 = 'over' THEN $4::timestamptz ELSE ended_at END,
             seats = COALESCE($9::jsonb, seats)
         WHERE id = $1 AND version = $2 - 1`,
        [
          write.matchId,
          write.version,
          write.resolutionId,
          write.ts,
          JSON.stringify(steps),
          JSON.stringify(
            action
              ? [
                  {
                    action_id: action.actionId,
                    seat: action.seat,
                    source: action.source,
                    type: action.type,
                    payload: action.payload ?? null,
                  },
                ]
              : [],
          ),
          write.status,
          write.result ? JSON.stringify(write.result) : null,
          write.seats ? JSON.stringify(write.seats) : null,
        ],
        'append-resolution',
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new VersionConflict(write.matchId, write.version);
      throw error;
    }
  }

  /** The action a seat's client sent with this id, if it was accepted. */
  async findAction(matchId: string, seat: number, actionId: string): Promise<StoredAction | null> {
    const rows = await this.db.query(
      `SELECT * FROM match_actions
       WHERE match_id = $1 AND seat = $2 AND source = 'client' AND action_id = $3`,
      [matchId, seat, actionId],
    );
    return rows[0] ? toAction(rows[0]) : null;
  }

  async actions(matchId: string): Promise<StoredAction[]> {
    const rows = await this.db.query(
      'SELECT * FROM match_actions WHERE match_id = $1 ORDER BY version',
      [matchId],
    );
    return rows.map(toAction);
  }

  /** Events with version in (afterVersion, upToVersion], in log order. */
  async events(matchId: string, afterVersion = 0, upToVersion?: number): Promise<StoredEvent[]> {
    const rows = await this.db.query(
      `SELECT version, step, resolution_id, type, data, requires_ack, ts FROM match_events
       WHERE match_id = $1 AND version > $2 AND ($3::int IS NULL OR version <= $3)
       ORDER BY version, step`,
      [matchId, afterVersion, upToVersion ?? null],
    );
    return rows.map((row) => ({
      version: row.version as number,
      step: row.step as number,
      resolutionId: row.resolution_id as string,
      type: row.type as string,
      data: row.data,
      requiresAck: row.requires_ack as boolean,
      ts: iso(row.ts),
    }));
  }

  async saveSnapshot(matchId: string, version: number, state: unknown): Promise<void> {
    await this.db.query(
      `INSERT INTO match_snapshots (match_id, version, state) VALUES ($1, $2, $3)
       ON CONFLICT (match_id, version) DO NOTHING`,
      [matchId, version, JSON.stringify(state)],
    );
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

  async saveReplay(id: string, file: unknown, verified: boolean, userId: string): Promise<void> {
    await this.db.query(
      'INSERT INTO replays (id, file, verified, imported_by) VALUES ($1, $2, $3, $4)',
      [id, JSON.stringify(file), verified, userId],
    );
  }

  async getReplay(id: string): Promise<{ file: unknown; verified: boolean } | null> {
    const rows = await this.db.query('SELECT file, verified FROM replays WHERE id = $1', [id]);
    const row = rows[0];
    return row ? { file: row.file, verified: row.verified as boolean } : null;
  }
}

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
  };
}

function toAction(row: Row): StoredAction {
  return {
    actionId: row.action_id as string,
    seat: row.seat as number,
    source: row.source as ActionOrigin,
    version: row.version as number,
    type: row.type as string,
    payload: row.payload,
  };
}
