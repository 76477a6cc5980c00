import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIGRATIONS = fileURLToPath(new URL('../../src/store/migrations/', import.meta.url));
const PGLITE_PACKAGE = fileURLToPath(
  new URL('../../../../node_modules/@electric-sql/pglite/package.json', import.meta.url),
);

/** The template's folder: named by PGlite's version and every migration, so a change makes anew. */
function templateDir(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(PGLITE_PACKAGE));
  for (const file of readdirSync(MIGRATIONS).sort()) {
    hash.update(file);
    hash.update(readFileSync(join(MIGRATIONS, file)));
  }
  return join(tmpdir(), `cardtable-pglite-template-${hash.digest('hex').slice(0, 16)}`);
}

/**
 * Makes the embedded database template once: a PGlite cluster with every migration applied.
 * Creating a cluster (initdb) takes seconds, and each embedded test server and `cardtable serve`
 * of the e2e tests used to pay it; a copy of the template takes a fraction of a second. Run by
 * vitest's global set-up; built aside and renamed into place, so parallel runs never see half.
 */
export async function ensureEmbeddedTemplate(): Promise<void> {
  const target = templateDir();
  if (existsSync(target)) return;
  const { openDatabase } = await import('../../src/store/database.ts');
  const { migrate } = await import('../../src/store/migrate.ts');
  const building = mkdtempSync(`${target}-building-`);
  const db = await openDatabase({ databaseUrl: null, databaseSchema: null, dataDir: building });
  await migrate(db);
  await db.close();
  try {
    renameSync(building, target);
  } catch {
    // Another run put its template there first: it is the same.
    rmSync(building, { recursive: true, force: true });
  }
}

/**
 * A new DATA_DIR for an embedded database: a copy of the migrated template when it exists (the
 * server's own migrate then has nothing to do), else empty (the server creates the cluster).
 */
export function embeddedDataDir(prefix = 'cardtable-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const template = templateDir();
  if (existsSync(template)) cpSync(template, dir, { recursive: true });
  return dir;
}
