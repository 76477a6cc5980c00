import { PGlite } from '@electric-sql/pglite';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DURABLE_START_PARAMS, DurableNodeFS } from './durable-node-fs.ts';
import {
  DEFAULT_MAINTENANCE_POLICY,
  scheduleMaintenance,
  type MaintenancePolicy,
  type UpkeepReport,
} from './embedded-maintenance.ts';
import { PreparedStatements } from './pglite-prepared.ts';
import { syncTree } from './sync-tree.ts';

type Row = Record<string, unknown>;
type Query = <R extends Row = Row>(sql: string, params?: unknown[], name?: string) => Promise<R[]>;

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
 * shared memory, and every page it caches is resident memory of the server's own process. The
 * checkpoints, vacuums and analyzes are ours (`embedded-maintenance.ts`), and the database waits
 * while they run, so: the log segments a checkpoint keeps for reuse are bounded by
 * `max_wal_size`; a vacuum freezes every row it visits (`vacuum_freeze_min_age` 0: the log is
 * appended to and never updated, so its pages are frozen once and a wraparound vacuum skips
 * them); an analyze samples 6,000 rows, not 30,000 (measured on a million log rows: 157 against
 * 662 ms; the queries are key lookups, which need no finer statistics).
 */
const EMBEDDED_SETTINGS = [
  'shared_buffers = 16MB',
  'work_mem = 4MB',
  'maintenance_work_mem = 16MB',
  'min_wal_size = 32MB',
  'max_wal_size = 128MB',
  'vacuum_freeze_min_age = 0',
  'default_statistics_target = 20',
];

export interface EmbeddedOptions {
  /** Counts the syncs of files to disk. */
  onSync?: () => void;
  /** Checkpoints, vacuums and analyzes (PGlite runs none on its own). */
  maintenance?: MaintenancePolicy;
  /** Told of each piece of upkeep done (or failed). */
  onUpkeep?: (report: UpkeepReport) => void;
}

/**
 * A file-backed PGlite under `dataDir`, queried in process: no pg wire protocol, no socket.
 * PGlite runs one query at a time (a transaction holds it for its whole length), and commits
 * durably: PostgreSQL syncs its write-ahead log to disk at every commit (`DurableNodeFS`), so
 * an action acknowledged after its commit survives a power cut, not only the server dying.
 * With `schema`, every query runs in it (created if missing).
 */
export async function openEmbeddedDatabase(
  dataDir: string,
  schema: string | null,
  options: EmbeddedOptions = {},
): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) initialiseApart(dataDir);
  const db = await PGlite.create({
    fs: new DurableNodeFS(dataDir, options.onSync),
    startParams: DURABLE_START_PARAMS,
    postgresqlconf: EMBEDDED_SETTINGS,
  });
  if (schema) {
    await db.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
  }
  const maintenance = scheduleMaintenance(
    (sql) => run(db, sql),
    options.maintenance ?? DEFAULT_MAINTENANCE_POLICY,
    options.onUpkeep,
  );
  const prepared = new PreparedStatements(db);
  return {
    kind: 'embedded',
    query: (sql, params, name) =>
      name ? prepared.run(name, sql, params ?? []) : run(db, sql, params),
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
      await maintenance.stop();
      await db.close();
    },
  };
}

/**
 * Creates the database cluster of a new data directory (initdb) in a short-lived child process:
 * initdb's WASM memory, once touched, stays resident in the process that ran it (about 120 MiB
 * more RSS for the server's whole life), while a server that opens an existing cluster never
 * touches it. The child's file system never syncs, so its cluster is synced here once it is done.
 */
function initialiseApart(dataDir: string): void {
  const script = `const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(process.argv[1]);
    await db.close();`;
  // The child resolves PGlite from this module's folder, as this module does (import.meta.resolve
  // is missing under some module runners, such as the test runner's).
  execFileSync(process.execPath, ['--input-type=module', '-e', script, resolve(dataDir)], {
    stdio: 'inherit',
    cwd: fileURLToPath(new URL('.', import.meta.url)),
  });
  syncTree(dataDir);
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
