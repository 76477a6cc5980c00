import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syncTree } from '../src/store/sync-tree.ts';

describe('syncTree (a new embedded cluster is synced once initdb is done)', () => {
  const root = mkdtempSync(join(tmpdir(), 'cardtable-sync-tree-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('syncs every file and folder of the tree, deepest first, and skips links', () => {
    mkdirSync(join(root, 'base', '1'), { recursive: true });
    mkdirSync(join(root, 'pg_wal'));
    writeFileSync(join(root, 'PG_VERSION'), '17\n');
    writeFileSync(join(root, 'base', '1', '1259'), 'page');
    writeFileSync(join(root, 'pg_wal', '000000010000000000000001'), 'wal');
    symlinkSync(join(root, 'PG_VERSION'), join(root, 'link'));
    // Files: PG_VERSION, 1259, the WAL segment; folders: root, base, base/1, pg_wal.
    expect(syncTree(root)).toBe(7);
  });

  it('fails loudly on a folder that is not there', () => {
    expect(() => syncTree(join(root, 'missing'))).toThrow(/ENOENT/);
  });
});
