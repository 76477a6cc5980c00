import { SocialProjector } from '@cardtable/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/store/database.ts';
import {
  addUsers,
  openTestDatabase,
  projectionRows,
  writeFinished,
} from '../../server/test/helpers/finished-matches.ts';
import { TEST_DATABASE_URL } from '../../server/test/helpers/server.ts';
import { main } from '../src/main.ts';
import { captureConsole } from './capture-console.ts';

describe('cardtable social rebuild', () => {
  const io = captureConsole();
  let db: Database;
  let schema: string;
  beforeAll(async () => {
    db = await openTestDatabase('postgres', 'cli_soc');
    [{ schema }] = (await db.query(`SELECT current_schema() AS schema`)) as [{ schema: string }];
    await addUsers(db, ['ana', 'ben']);
    const day = 86_400_000;
    for (let i = 0; i < 6; i++)
      await writeFinished(db, {
        id: `cli${i}`,
        game: 'golf',
        seats: ['ana', 'ben'],
        places: i % 3 === 0 ? [2, 1] : [1, 2],
        rated: true,
        rounds: [{ scores: [i, 9], finisher: 0 }],
        endedAt: new Date(Date.UTC(2026, 0, 1) + i * 4 * day).toISOString(),
      });
  });
  afterAll(async () => db?.close());

  it('empties the projection and folds it again to the same rows', async () => {
    await new SocialProjector(db, { pollMs: 1000, batch: 2 }).catchUp();
    const incremental = await projectionRows(db);
    expect(incremental.ratings).toHaveLength(2);
    await db.query(`UPDATE player_ratings SET rating = 0`);
    const code = await main([
      'social',
      'rebuild',
      '--database-url',
      TEST_DATABASE_URL,
      '--database-schema',
      schema,
    ]);
    expect(io.err).toEqual([]);
    expect(code).toBe(0);
    expect(io.out.join('\n')).toContain('from 6 finished matches');
    expect(await projectionRows(db)).toEqual(incremental);
  });

  it('refuses what it does not know', async () => {
    expect(await main(['social', 'rebuild', '--database-url'])).toBe(2);
    expect(await main(['social', 'refold'])).toBe(2);
    expect(io.err.join('\n')).toContain('Unknown social command');
  });
});
