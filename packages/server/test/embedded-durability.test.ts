import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import {
  upkeepOnce,
  walSinceCheckpoint,
  type UpkeepReport,
} from '../src/store/embedded-maintenance.ts';
import { openEmbeddedDatabase, type EmbeddedDatabase } from '../src/store/pglite-database.ts';

/**
 * The embedded database syncs for real: PGlite on its own starts PostgreSQL with fsync off and
 * has no sync in its Node file system, so a commit waited in the page cache and a power cut
 * could lose an acknowledged action.
 */
// One cluster for the file: creating one (initdb) is most of a test's time.
const dir = mkdtempSync(join(tmpdir(), 'cardtable-durable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded database commits durably', () => {
  it('runs PostgreSQL with fsync on, and every commit syncs the write-ahead log to disk', async () => {
    let syncs = 0;
    const db = await openEmbeddedDatabase(dir, null, { onSync: () => syncs++ });
    try {
      expect(await db.query('SHOW fsync')).toEqual([{ fsync: 'on' }]);
      expect(await db.query('SHOW wal_sync_method')).toEqual([{ wal_sync_method: 'fsync' }]);
      await db.query('CREATE TABLE acknowledged (n int)');
      for (let n = 1; n <= 5; n++) {
        const before = syncs;
        await db.transaction((query) => query('INSERT INTO acknowledged (n) VALUES ($1)', [n]));
        expect(syncs, `commit ${n}`).toBeGreaterThan(before);
      }
      const before = syncs;
      await db.query('SELECT count(*) FROM acknowledged');
      expect(syncs, 'a read syncs nothing').toBe(before);
    } finally {
      await db.close();
    }
    const reopened = await openEmbeddedDatabase(dir, null);
    try {
      expect(await reopened.query('SELECT count(*)::int AS n FROM acknowledged')).toEqual([
        { n: 5 },
      ]);
    } finally {
      await reopened.close();
    }
  });
});

/**
 * PGlite's single-user PostgreSQL never checkpoints on its own while it runs, so without ours
 * the write-ahead log grew for the server's whole life and a crash replayed all of it.
 */
describe('the embedded database checkpoints while it runs', () => {
  const MiB = 1024 * 1024;

  /** About 2 MB of log per statement, a turn of the event loop between them (as a server has). */
  async function writeLog(db: EmbeddedDatabase, statements: number): Promise<void> {
    // Not vacuumed: its vacuums' log would blur the checkpoints' (checked apart, below).
    await db.query('CREATE TABLE IF NOT EXISTS filler (v text) WITH (autovacuum_enabled = false)');
    for (let i = 0; i < statements; i++) {
      await db.query(
        'INSERT INTO filler SELECT repeat(md5(random()::text), 60) FROM generate_series(1, 1000)',
      );
      await nextTurn();
    }
  }
  const redo = async (db: EmbeddedDatabase) =>
    (
      await db.query<{ redo: string }>('SELECT redo_lsn::text AS redo FROM pg_control_checkpoint()')
    )[0]?.redo;
  const walOnDisk = () =>
    readdirSync(join(dir, 'pg_wal'))
      .filter((name) => /^[0-9A-F]{24}$/.test(name))
      .reduce((sum, name) => sum + statSync(join(dir, 'pg_wal', name)).size, 0);

  it('PostgreSQL alone does not (the premise): the log since the last checkpoint only grows', async () => {
    const db = await openEmbeddedDatabase(dir, null, {
      maintenance: { walBytes: Number.MAX_SAFE_INTEGER, checkEveryMs: 20 },
    });
    try {
      const before = await redo(db);
      await writeLog(db, 20);
      expect(await redo(db)).toBe(before);
      expect(await walSinceCheckpoint(db.query)).toBeGreaterThan(30 * MiB);
    } finally {
      await db.close();
    }
  });

  it('checkpoints once the log passes the policy: the log on disk and a crash replay stay bounded', async () => {
    const reports: UpkeepReport[] = [];
    const db = await openEmbeddedDatabase(dir, null, {
      maintenance: { walBytes: 8 * MiB, checkEveryMs: 20 },
      onUpkeep: (report) => reports.push(report),
    });
    try {
      const before = await redo(db);
      await writeLog(db, 50); // about 100 MB of log, kept whole without checkpoints
      await expect
        .poll(() => walSinceCheckpoint(db.query), { timeout: 10_000 })
        .toBeLessThan(8 * MiB);
      expect(await redo(db)).not.toBe(before);
      // What min_wal_size keeps for reuse, with room for a segment or two.
      expect(walOnDisk()).toBeLessThanOrEqual(64 * MiB);
      expect(await db.query('SELECT count(*)::int AS n FROM filler')).toEqual([{ n: 70_000 }]);
      // Each checkpoint is reported with the log that called for it.
      const checkpointed = reports.flatMap((report) =>
        'work' in report && report.work === 'checkpoint' ? [report.walBytes] : [],
      );
      expect(checkpointed.length).toBeGreaterThan(0);
      expect(Math.min(...checkpointed)).toBeGreaterThanOrEqual(8 * MiB);
    } finally {
      await db.close();
    }
  });
});

/**
 * Nor does it vacuum or analyze (no autovacuum without a postmaster): the upkeep does what
 * autovacuum would, by PostgreSQL's own settings, one table at a time.
 */
describe('the embedded database vacuums and analyzes as autovacuum would', () => {
  const NEVER = { walBytes: Number.MAX_SAFE_INTEGER, checkEveryMs: 3_600_000 };
  interface TableStats extends Record<string, unknown> {
    dead: number;
    vacuumed: boolean;
    analyzed: boolean;
    autovacuumed: boolean;
  }
  const stats = async (db: EmbeddedDatabase, table: string) =>
    (
      await db.query<TableStats>(
        `SELECT n_dead_tup::int AS dead, last_vacuum IS NOT NULL AS vacuumed,
           last_analyze IS NOT NULL AS analyzed, last_autovacuum IS NOT NULL AS autovacuumed
         FROM pg_stat_user_tables WHERE relname = $1`,
        [table],
      )
    )[0];
  /** Upkeep until nothing is left to do (what the tests before left behind). */
  async function drain(db: EmbeddedDatabase): Promise<void> {
    for (let i = 0; i < 20 && (await upkeepOnce(db.query, NEVER.walBytes)).work !== 'none'; i++);
  }

  it('vacuums a table of dead rows, one of many inserts, and analyzes one changed enough', async () => {
    const db = await openEmbeddedDatabase(dir, null, { maintenance: NEVER });
    try {
      await db.query('CREATE TABLE counters (id int PRIMARY KEY, n int)');
      await db.query('INSERT INTO counters SELECT g, 0 FROM generate_series(1, 100) g');
      await drain(db);

      for (let i = 0; i < 5; i++) await db.query('UPDATE counters SET n = n + 1');
      await expect.poll(async () => (await stats(db, 'counters'))?.dead).toBeGreaterThan(100);
      expect(await stats(db, 'counters')).toMatchObject({ vacuumed: false, autovacuumed: false });
      await expect
        .poll(() => upkeepOnce(db.query, NEVER.walBytes))
        .toEqual({ work: 'vacuum and analyze', table: 'public.counters' });
      expect(await stats(db, 'counters')).toMatchObject({ vacuumed: true, analyzed: true });
      expect((await stats(db, 'counters'))?.dead).toBeLessThan(20);
      expect(await upkeepOnce(db.query, NEVER.walBytes)).toEqual({ work: 'none' });

      // Insert-only: vacuumed once enough rows came (it sets their pages all-visible, freezes).
      await db.query('CREATE TABLE appended (n int)');
      await db.query('INSERT INTO appended SELECT g FROM generate_series(1, 2000) g');
      await db.query('CREATE TABLE ticks (n int)');
      for (let i = 0; i < 20; i++) await db.query('INSERT INTO ticks VALUES (1)'); // 20 transactions
      await expect
        .poll(() => upkeepOnce(db.query, NEVER.walBytes))
        .toEqual({ work: 'vacuum and analyze', table: 'public.appended' });
      expect(await stats(db, 'appended')).toMatchObject({ vacuumed: true, analyzed: true });
      const [frozen] = await db.query<{ age: number }>(
        "SELECT age(relfrozenxid) AS age FROM pg_class WHERE relname = 'appended'",
      );
      // Frozen up to the vacuum (else its oldest unfrozen row would be 20 transactions old).
      expect(frozen?.age).toBeLessThan(5);

      // 400 more rows of 2,000: over analyze's threshold (50 + 10%), under vacuum's (1,000 + 20%).
      await db.query('INSERT INTO appended SELECT g FROM generate_series(1, 400) g');
      await expect
        .poll(() => upkeepOnce(db.query, NEVER.walBytes))
        .toEqual({ work: 'analyze', table: 'public.appended' });
      expect(await upkeepOnce(db.query, NEVER.walBytes)).toEqual({ work: 'none' });
    } finally {
      await db.close();
    }
  });
});
