import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SocialProjector } from '../src/social/projector.ts';
import { openDatabase, type Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { childEnv } from './helpers/child-env.ts';
import { addUsers, projectionRows, writeFinished } from './helpers/finished-matches.ts';
import { embeddedDataDir } from './helpers/embedded-template.ts';
import { TEST_DATABASE_URL, uniqueSchema, type StoreKind } from './helpers/server.ts';

const FIXTURE = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/project-social.ts');
const STORES: StoreKind[] = ['embedded', 'postgres'];

/** Runs the fixture's projector until it holds its second batch open, then kills it (SIGKILL). */
function projectUntilKilled(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('holding the second batch')) child.kill('SIGKILL');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolvePromise(output) : reject(new Error(`exited early:\n${output}`)),
    );
  });
}

describe.each(STORES)('achievements after a crash on %s', (kind) => {
  let db: Database | null = null;
  afterAll(async () => db?.close());

  it('are granted exactly once when a killed projector is followed by another', async () => {
    const env: Record<string, string> =
      kind === 'postgres'
        ? { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: uniqueSchema('crash') }
        : { DATA_DIR: embeddedDataDir() };
    const config = {
      databaseUrl: env.DATABASE_URL ?? null,
      databaseSchema: env.DATABASE_SCHEMA ?? null,
      dataDir: env.DATA_DIR ?? '',
    };
    let setup = await openDatabase(config);
    await migrate(setup);
    await addUsers(setup, ['ana', 'ben']);
    for (let i = 0; i < 3; i++)
      await writeFinished(setup, {
        id: `crash${i}`,
        game: 'golf',
        seats: ['ana', 'ben'],
        places: [1, 2],
        rated: true,
        rounds: [{ scores: [0, 7], finisher: 0 }],
        endedAt: new Date(Date.UTC(2026, 4, 1, 12, i)).toISOString(),
      });
    // The embedded database is one process's: hand it over to the child.
    if (kind === 'embedded') await setup.close();

    await projectUntilKilled(env);

    if (kind === 'embedded') setup = await openDatabase(config);
    db = setup;
    // The first batch committed; the killed second one left nothing behind.
    const [checkpoint] = await db.query<{ position: number }>(
      `SELECT position FROM projection_checkpoints WHERE name = 'social'`,
    );
    expect(checkpoint?.position).toBe(1);
    const afterCrash = await projectionRows(db);
    expect(
      afterCrash.achievements.map((a) => (a as { achievement: string }).achievement).sort(),
    ).toEqual(['first-game', 'first-game', 'first-win', 'golf-perfect-round']);

    const restarted = new SocialProjector(db, { pollMs: 1000, batch: 1 });
    expect(await restarted.catchUp()).toBe(2);
    const rows = await projectionRows(db);
    const granted = (
      rows.achievements as { user_id: string; achievement: string; match_id: string }[]
    ).map((a) => `${a.user_id}:${a.achievement}:${a.match_id}`);
    expect(granted.sort()).toEqual(
      [
        'ana:first-game:crash0',
        'ana:first-win:crash0',
        'ana:golf-perfect-round:crash0',
        'ana:three-in-a-row:crash2',
        'ben:first-game:crash0',
      ].sort(),
    );
    expect(
      (rows.stats as { user_id: string; stats: { games: number } }[]).map((s) => s.stats.games),
    ).toEqual([3, 3]);
    await restarted.rebuild();
    expect(await projectionRows(db)).toEqual(rows);
  }, 120_000);
});
