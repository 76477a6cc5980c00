import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '../src/store/pglite-database.ts';

/**
 * The embedded database syncs for real: PGlite on its own starts PostgreSQL with fsync off and
 * has no sync in its Node file system, so a commit waited in the page cache and a power cut
 * could lose an acknowledged action.
 */
describe('the embedded database commits durably', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cardtable-durable-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs PostgreSQL with fsync on, and every commit syncs the write-ahead log to disk', async () => {
    let syncs = 0;
    const db = await openEmbeddedDatabase(dir, null, () => syncs++);
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
