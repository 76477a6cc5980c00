/**
 * The lobby list's cost: one page of open tables among many matches (most over, some waiting
 * privately), on PostgreSQL (`TEST_DATABASE_URL`). Prints the time per page; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_OPTIONS } from '@cardtable/golf';
import { openDatabase } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { OpenTables } from '../src/tables/open-tables.ts';

const URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const MATCHES = 20_000;
const LISTED = 300;
const PRIVATE_WAITING = 1_000;
const PAGES = 300;

export async function run(): Promise<void> {
  const schema = `bench_tables_${Date.now().toString(36)}`;
  const db = await openDatabase({ databaseUrl: URL, databaseSchema: schema, dataDir: '' });
  try {
    await migrate(db);
    await db.query(`INSERT INTO users (id, name, guest) VALUES ('host', 'Host', false)`);
    await db.query(
      `INSERT INTO matches (id, game, ruleset_version, engine_version, options, seats, status,
         seed, code, host_user_id, listed)
       SELECT 'b' || n, 'golf', '1.0.0', '1', $4::jsonb,
              '[{"kind":"human","userId":"host","name":"Host"},{"kind":"human"}]',
              CASE WHEN n <= $2::int + $3::int THEN 'waiting' ELSE 'over' END, 's', 'C' || n, 'host',
              n <= $2::int
         FROM generate_series(1, $1::int) AS n`,
      [MATCHES, LISTED, PRIVATE_WAITING, JSON.stringify(DEFAULT_OPTIONS)],
    );
    await db.query('ANALYZE matches');
    const tables = new OpenTables(db, 3_600_000);
    let after: string | undefined;
    const times: number[] = [];
    for (let i = 0; i < PAGES; i++) {
      const started = performance.now();
      const page = await tables.page(
        { game: 'golf', limit: 20, ...(after ? { after } : {}) },
        'viewer',
      );
      times.push(performance.now() - started);
      after = page.next ?? undefined;
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => (times[Math.floor(q * (times.length - 1))] as number).toFixed(2);
    console.log(
      `open tables: ${MATCHES} matches, ${LISTED} listed, ${PRIVATE_WAITING} private waiting; ` +
        `page of 20: median ${at(0.5)} ms, p95 ${at(0.95)} ms over ${PAGES} pages`,
    );
  } finally {
    await db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await db.close();
  }
}
