import type { Logger } from 'pino';
import type { RetentionSettings } from '../config.ts';
import type { Database } from './database.ts';
import { periodicJob, type PeriodicJob } from '../periodic-job.ts';
import { purgeGuests, type GuestScan } from './guest-retention.ts';

/** Rows one statement deletes at most: each batch is short, so it never holds locks for long. */
export const RETENTION_BATCH_ROWS = 500;
/** Playtest matches one batch deletes (each with its whole log). */
export const RETENTION_BATCH_MATCHES = 20;
/** Batches of each kind one sweep runs at most; what is left waits for the next sweep. */
export const RETENTION_MAX_BATCHES = 20;

export type PurgeKind =
  | 'refreshTokens'
  | 'sessions'
  | 'emailTokens'
  | 'oidcFlows'
  | 'oidcHandoffs'
  | 'mail'
  | 'playtests'
  | 'snapshots'
  | 'guests';

export type PurgeReport = Record<PurgeKind, number>;

interface Limits {
  rows: number;
  matches: number;
  batches: number;
}

/**
 * Deletes what can no longer be used, kind by kind, each in batches of at most `limits.rows`
 * rows (`limits.matches` playtests) and at most `limits.batches` batches per kind, so one sweep
 * is bounded and no statement holds its locks for long. Nothing it deletes changes an answer:
 * an expired refresh token, email link or sign-in flow is refused the same as an unknown one,
 * and a used email link the same as an expired one. Used refresh tokens are kept until they
 * expire, since a second use of one is how a stolen copy is detected. Guests go last, once the
 * sessions and playtests that kept them are gone; `guests` is where their scan stands (a sweeper
 * keeps it from one sweep to the next).
 */
export async function purgeExpired(
  db: Database,
  settings: Omit<RetentionSettings, 'sweepEveryMs'>,
  now: number,
  limits: Limits = {
    rows: RETENTION_BATCH_ROWS,
    matches: RETENTION_BATCH_MATCHES,
    batches: RETENTION_MAX_BATCHES,
  },
  guests: GuestScan = { after: null },
): Promise<PurgeReport> {
  const at = new Date(now).toISOString();
  const before = (ms: number) => new Date(now - ms).toISOString();
  const sessionsBefore = before(settings.sessionRetentionMs);
  const playtestsBefore = before(settings.playtestRetentionMs);
  const { rows, matches } = limits;
  /** Runs `batch` until it deletes fewer than `size` or the sweep's batches run out. */
  const repeat = async (size: number, batch: () => Promise<number>) => {
    let total = 0;
    for (let i = 0; i < limits.batches; i++) {
      const deleted = await batch();
      total += deleted;
      if (deleted < size) break;
    }
    return total;
  };
  const deleteWhere = (table: string, key: string, where: string, params: unknown[]) =>
    repeat(rows, async () => {
      const deleted = await db.query(
        `DELETE FROM ${table} WHERE (${key}) IN (
           SELECT ${key} FROM ${table} WHERE ${where} LIMIT ${rows} FOR UPDATE SKIP LOCKED)
         RETURNING 1 AS gone`,
        params,
      );
      return deleted.length;
    });

  const report: PurgeReport = {
    refreshTokens: await deleteWhere(
      'refresh_tokens',
      'token_hash',
      `expires_at <= $1 OR session_id IN (
         SELECT id FROM sessions WHERE coalesce(revoked_at, last_seen_at) < $2
           AND revoked_at IS NOT NULL)`,
      [at, sessionsBefore],
    ),
    sessions: await deleteWhere(
      'sessions',
      'id',
      `coalesce(revoked_at, last_seen_at) < $1
       AND NOT EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.session_id = sessions.id)`,
      [sessionsBefore],
    ),
    emailTokens: await deleteWhere(
      'email_tokens',
      'token_hash',
      'expires_at <= $1 OR used_at IS NOT NULL',
      [at],
    ),
    oidcFlows: await deleteWhere('oidc_flows', 'state_hash', 'expires_at <= $1', [at]),
    oidcHandoffs: await deleteWhere('oidc_handoffs', 'code_hash', 'expires_at <= $1', [at]),
    mail: await deleteWhere('mail_outbox', 'id', 'sent_at < $1', [
      before(settings.mailRetentionMs),
    ]),
    playtests: await repeat(matches, () => purgePlaytests(db, playtestsBefore, matches)),
    // A snapshot is taken just before its playtest is created: the age keeps it meanwhile.
    snapshots: await deleteWhere(
      'content_snapshots',
      'game_id, content_hash',
      `created_at < $1 AND NOT EXISTS (
         SELECT 1 FROM match_content c WHERE c.version IS NULL
           AND c.game_id = content_snapshots.game_id
           AND c.content_hash = content_snapshots.content_hash)`,
      [playtestsBefore],
    ),
    // Made more than the session retention ago: a guest's first session has had that long.
    guests: await purgeGuests(db, sessionsBefore, rows, limits.batches, guests),
  };
  return report;
}

/** Tables that hold a match's rows, children first (the match row itself last). */
const MATCH_TABLES = [
  'match_log',
  'match_snapshots',
  'match_players',
  'match_content',
  'rating_history',
  'player_achievements',
];

/**
 * Deletes up to `limit` playtests over since before `endedBefore`, whole: the match and every
 * row of it (log, snapshots, actions, players, its chat), in one transaction.
 */
async function purgePlaytests(db: Database, endedBefore: string, limit: number): Promise<number> {
  return db.transaction(async (query) => {
    const found = await query<{ id: string }>(
      `SELECT m.id FROM match_content c JOIN matches m ON m.id = c.match_id
       WHERE c.version IS NULL AND m.status = 'over'
         AND coalesce(m.ended_at, m.created_at) < $1
       LIMIT ${limit} FOR UPDATE OF m SKIP LOCKED`,
      [endedBefore],
    );
    const ids = found.map((row) => row.id);
    if (ids.length === 0) return 0;
    for (const table of MATCH_TABLES) {
      await query(`DELETE FROM ${table} WHERE match_id = ANY($1::text[])`, [ids]);
    }
    await query(`DELETE FROM chat_messages WHERE room = ANY($1::text[])`, [
      ids.map((id) => `match:${id}`),
    ]);
    await query(`DELETE FROM matches WHERE id = ANY($1::text[])`, [ids]);
    return ids.length;
  });
}

const FIRST_SWEEP_AFTER_MS = 60_000;

/** Runs `purgeExpired` every `sweepEveryMs`, one sweep at a time, logging what it deleted. */
export class RetentionSweeper {
  private readonly guests: GuestScan = { after: null };
  private readonly job: PeriodicJob<PurgeReport>;

  constructor(
    private readonly db: Database,
    private readonly settings: RetentionSettings,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {
    this.job = periodicJob({
      everyMs: settings.sweepEveryMs,
      // At most a minute after the start: a server restarted more often than it sweeps still sweeps.
      firstAfterMs: Math.min(FIRST_SWEEP_AFTER_MS, settings.sweepEveryMs),
      run: () => this.sweepOnce(),
      onError: (error) => log.warn({ err: error }, 'retention sweep failed'),
    });
  }

  start(): void {
    this.job.start();
  }

  /** One sweep (or the one under way); null when it failed (logged; the next one retries). */
  async sweep(): Promise<PurgeReport | null> {
    const ran = await this.job.runNow();
    return ran.ok ? ran.value : null;
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  private async sweepOnce(): Promise<PurgeReport> {
    const report = await purgeExpired(this.db, this.settings, this.now(), undefined, this.guests);
    if (Object.values(report).some((n) => n > 0)) this.log.info(report, 'expired rows purged');
    return report;
  }
}
