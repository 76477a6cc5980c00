import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';

type Row = Record<string, unknown>;
type Query = <R extends Row = Row>(sql: string, params?: unknown[]) => Promise<R[]>;

/** What `database.ts` makes of it: its `Database`, on PGlite (kept apart: no import cycle). */
export interface EmbeddedDatabase {
  readonly kind: 'embedded';
  query: Query;
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * PostgreSQL's settings for the embedded database: one session in one process needs little
 * shared memory, and every page it caches is resident memory of the server's own process.
 */
const EMBEDDED_SETTINGS = [
  'shared_buffers = 32MB',
  'work_mem = 4MB',
  'maintenance_work_mem = 16MB',
];

/**
 * A file-backed PGlite under `dataDir`, queried in process: no pg wire protocol, no socket.
 * PGlite runs one query at a time (a transaction holds it for its whole length), and commits
 * durably (no relaxed durability): an action is stored on disk before it is acknowledged.
 * With `schema`, every query runs in it (created if missing).
 */
export async function openEmbeddedDatabase(
  dataDir: string,
  schema: string | null,
): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, { postgresqlconf: EMBEDDED_SETTINGS });
  if (schema) {
    await db.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
  }
  return {
    kind: 'embedded',
    query: (sql, params) => run(db, sql, params),
    transaction(work) {
      return db.transaction((tx) => work((sql, params) => run(tx, sql, params)));
    },
    async ping() {
      try {
        await db.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await db.close();
    },
  };
}

/**
 * A query with parameters goes through the extended protocol; one without runs as a simple
 * query, which may hold several statements (migrations), and gives the last one's rows.
 */
async function run<R extends Row>(
  db: Pick<PGlite, 'query' | 'exec'>,
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  if (params.length > 0) return (await db.query<R>(sql, params)).rows;
  const results = await db.exec(sql);
  return (results.at(-1)?.rows ?? []) as R[];
}
