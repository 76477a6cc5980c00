/**
 * Upkeep for the embedded database. PGlite runs PostgreSQL as a single-user backend, which has
 * no background processes: no checkpointer and no autovacuum. So, left alone, it
 * - never checkpoints while it runs, whatever `max_wal_size` says (measured: 1.4 GB of
 *   write-ahead log written, no checkpoint): a server that runs for days keeps all the log it
 *   wrote since it started, and after a crash replays all of it before it serves (17 s for 1.4 GB);
 * - never vacuums or analyzes: updated rows' old versions pile up, the planner's statistics stay
 *   those of an empty database, and no row is ever frozen, so after about two billion
 *   transactions old rows would look as if written in the future (a single-user backend does
 *   not stop at the wraparound limit, as a server with a postmaster does).
 *
 * Every `checkEveryMs` this does at most one piece of work, so the database (which runs one
 * statement at a time, the server waiting) is held briefly: a checkpoint once the log written
 * since the last one passes `walBytes`; else the vacuum or analyze autovacuum would start, for
 * the one table that needs it most, by PostgreSQL's own autovacuum settings and formulas.
 */

import { periodicJob } from '../periodic-job.ts';

type Query = <R extends Record<string, unknown>>(sql: string) => Promise<R[]>;

export interface MaintenancePolicy {
  /** The log written since the last checkpoint that calls for the next one. */
  walBytes: number;
  /** How often the database is looked at (each look does at most one piece of work). */
  checkEveryMs: number;
}

export const DEFAULT_MAINTENANCE_POLICY: MaintenancePolicy = {
  walBytes: 64 * 1024 * 1024,
  checkEveryMs: 10_000,
};

/** The write-ahead log written since the last checkpoint began, in bytes. */
export async function walSinceCheckpoint(query: Query): Promise<number> {
  const [row] = await query<{ bytes: string }>(
    'SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn)::text AS bytes FROM pg_control_checkpoint()',
  );
  return Number(row?.bytes ?? 0);
}

/**
 * The table autovacuum would pick next and what it would do there: vacuum one whose rows may
 * soon wrap around (`autovacuum_freeze_max_age`), or whose dead rows or rows inserted since its
 * last vacuum passed their thresholds; analyze one changed enough since its last analyze (each
 * by its own threshold, as autovacuum does: an analyze is the dearer of the two on a large log).
 * The most urgent first: wraparound, then the largest excess over a threshold.
 */
const NEXT_TABLE = `
  WITH t AS (
    SELECT format('%I.%I', s.schemaname, s.relname) AS target,
      age(c.relfrozenxid) > current_setting('autovacuum_freeze_max_age')::bigint AS wraps,
      coalesce((SELECT option_value FROM pg_options_to_table(c.reloptions)
        WHERE option_name = 'autovacuum_enabled'), 'on')::boolean AS enabled,
      s.n_dead_tup - (current_setting('autovacuum_vacuum_threshold')::float8
        + current_setting('autovacuum_vacuum_scale_factor')::float8 * greatest(c.reltuples, 0))
        AS dead_over,
      s.n_ins_since_vacuum - (current_setting('autovacuum_vacuum_insert_threshold')::float8
        + current_setting('autovacuum_vacuum_insert_scale_factor')::float8 * greatest(c.reltuples, 0))
        AS inserted_over,
      s.n_mod_since_analyze - (current_setting('autovacuum_analyze_threshold')::float8
        + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0))
        AS changed_over
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
  )
  SELECT target, wraps OR dead_over > 0 OR inserted_over > 0 AS vacuum, changed_over > 0 AS analyze
  FROM t
  WHERE wraps OR (enabled AND (dead_over > 0 OR inserted_over > 0 OR changed_over > 0))
  ORDER BY wraps DESC, greatest(dead_over, inserted_over, changed_over) DESC
  LIMIT 1`;

/** The one piece of work an upkeep did, and where. */
export type Upkeep =
  | {
      work: 'checkpoint';
      /** The log written since the last checkpoint, which called for this one. */
      walBytes: number;
    }
  | {
      work: 'vacuum' | 'analyze' | 'vacuum and analyze';
      /** The table, schema-qualified and quoted where need be (`public.match_log`). */
      table: string;
    }
  | { work: 'none' };

/** Work an upkeep did: what the logs and reports tell of. */
export type UpkeepDone = Exclude<Upkeep, { work: 'none' }>;

/** Does the one piece of work most needed now (see the module's comment), and says which. */
export async function upkeepOnce(query: Query, walBytes: number): Promise<Upkeep> {
  const wal = await walSinceCheckpoint(query);
  if (wal >= walBytes) {
    await query('CHECKPOINT');
    return { work: 'checkpoint', walBytes: wal };
  }
  const [next] = await query<{ target: string; vacuum: boolean; analyze: boolean }>(NEXT_TABLE);
  if (!next) return { work: 'none' };
  const table = next.target;
  // The target is quoted by PostgreSQL (format's %I) from its own catalog.
  if (!next.vacuum) {
    await query(`ANALYZE ${table}`);
    return { work: 'analyze', table };
  }
  await query(next.analyze ? `VACUUM (ANALYZE) ${table}` : `VACUUM ${table}`);
  return { work: next.analyze ? 'vacuum and analyze' : 'vacuum', table };
}

/** One line for the logs: `checkpoint`, or the work and its table (`vacuum public.matches`). */
export function describeUpkeep(done: UpkeepDone): string {
  return done.work === 'checkpoint' ? done.work : `${done.work} ${done.table}`;
}

/** What a tick did and how long the database was held, or why it failed. */
export type UpkeepReport = (UpkeepDone & { ms: number }) | { error: Error };

/**
 * Runs `upkeepOnce` every `checkEveryMs`, telling `report` of the work it did (or its failure,
 * tried again at a later tick). `stop` waits for work under way, so the database can close.
 */
export function scheduleMaintenance(
  query: Query,
  policy: MaintenancePolicy,
  report: (report: UpkeepReport) => void = () => undefined,
): { stop(): Promise<void> } {
  const upkeep = periodicJob({
    everyMs: policy.checkEveryMs,
    run: async () => {
      const started = performance.now();
      const done = await upkeepOnce(query, policy.walBytes);
      if (done.work !== 'none') report({ ...done, ms: Math.round(performance.now() - started) });
    },
    onError: (error) => report({ error: error as Error }),
  });
  upkeep.start();
  return upkeep;
}
