import pg from 'pg';
import type { ServerConfig } from '../config.ts';
import type { UpkeepReport } from './embedded-maintenance.ts';

export type Row = Record<string, unknown>;

/** The one door to PostgreSQL (real or embedded): the same `pg` code drives both. */
export interface Database {
  /** `name` makes it a prepared statement (parsed once per connection; PGlite: `pglite-prepared.ts`). */
  query<R extends Row = Row>(sql: string, params?: unknown[], name?: string): Promise<R[]>;
  /** Runs `work` in one transaction on one connection. */
  transaction<T>(work: (query: Database['query']) => Promise<T>): Promise<T>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  readonly kind: 'postgres' | 'embedded';
}

/**
 * Opens the configured database: `DATABASE_URL`, or a file-backed PGlite under `DATA_DIR`
 * (in process, see `pglite-database.ts`).
 * With `DATABASE_SCHEMA` every connection works in that schema (created if missing).
 */
export async function openDatabase(
  config: Pick<ServerConfig, 'databaseUrl' | 'databaseSchema' | 'dataDir'> &
    Partial<Pick<ServerConfig, 'databasePoolSize'>>,
  /** The embedded database's upkeep (PostgreSQL does its own), for the logs. */
  onUpkeep?: (report: UpkeepReport) => void,
): Promise<Database> {
  // PGlite (WASM) loads only when it is used, and is queried in process.
  if (!config.databaseUrl) {
    const { openEmbeddedDatabase } = await import('./pglite-database.ts');
    return openEmbeddedDatabase(config.dataDir, config.databaseSchema, { onUpkeep });
  }
  const connectionString = config.databaseUrl;
  const schema = config.databaseSchema;
  const pool = new pg.Pool({
    connectionString,
    // Concurrent commits share WAL flushes, so the pool bounds throughput.
    max: config.databasePoolSize ?? 32,
    // A query or connection that never answers must fail (and free the connection), never stall
    // a match's actor for good.
    query_timeout: 15_000,
    connectionTimeoutMillis: 15_000,
    // Connections once opened stay for a while (pg's default lets an idle one go after 10 s):
    // a new one costs PostgreSQL a process and cold caches, and a burst (a wave of matches
    // ending and starting) that opened them all at once would otherwise pay it again each time.
    idleTimeoutMillis: 5 * 60_000,
    // ...but never keep the process alive by themselves (a CLI command that is done exits).
    allowExitOnIdle: true,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its connection must not take the process down.
  pool.on('error', () => undefined);
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);

  const query = async <R extends Row>(sql: string, params: unknown[] = [], name?: string) =>
    (await pool.query(name ? { name, text: sql, values: params } : { text: sql, values: params }))
      .rows as R[];

  return {
    kind: 'postgres',
    query,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(
          async (sql, params = []) => (await client.query(sql, params)).rows,
        );
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async ping() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** PostgreSQL's unique-violation error: another writer got there first. */
export const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: string } | null)?.code === '23505';

/** PostgreSQL's foreign-key-violation error: what the row points at was deleted meanwhile. */
export const isForeignKeyViolation = (error: unknown): boolean =>
  (error as { code?: string } | null)?.code === '23503';

/**
 * Holds `key`'s advisory lock until the transaction of `query` ends: the count-then-write quotas
 * of every node on this database take their turns under it.
 */
export async function lockForTransaction(query: Database['query'], key: string): Promise<void> {
  await query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}

/** A count-then-write quota: what is counted, under which lock, and how many it allows. */
export interface CountedCap {
  /** The advisory lock every writer of this count takes (see `lockForTransaction`). */
  lock: string;
  /** One row whose integer `n` is what the write would add to: a row it replaces not counted. */
  count: string;
  params: unknown[];
  /** The most there may be: at `cap` or more, nothing is written. */
  cap: number;
}

/** What `writeUnderCap` answers: the write's result, or the count that refused it. */
export type UnderCap<T> = { ok: true; value: T } | { ok: false; count: number; cap: number };

/**
 * Counts, then writes only while the count is under its cap, inside the transaction of `query`
 * and under the cap's advisory lock (held to the transaction's end, past `write` and whatever
 * the caller writes after): concurrent writers on every node of this database count one after
 * another, so a burst stops exactly at the cap instead of each one counting the same rows.
 */
export async function writeUnderCap<T>(
  query: Database['query'],
  { lock, count, params, cap }: CountedCap,
  write: () => Promise<T>,
): Promise<UnderCap<T>> {
  await lockForTransaction(query, lock);
  const [row] = await query<{ n: number | string }>(count, params);
  const n = Number(row?.n ?? 0);
  if (n >= cap) return { ok: false, count: n, cap };
  return { ok: true, value: await write() };
}
