/**
 * `npm run bench:server`: the match server under load. Each scenario starts a fresh server child
 * on loopback and runs `cardtable load` against it: first on embedded PGlite, then on PostgreSQL
 * when DATABASE_URL is set (in a scratch schema, dropped afterwards). Prints a Markdown table.
 * Pass `--quick` for a short smoke run.
 */
import { cpus } from 'node:os';
import pg from 'pg';
import { loadServerEnv } from '../src/commands/load.ts';
import { formatTable, type ScenarioRow } from '../src/load/report.ts';
import { runLoad } from '../src/load/run.ts';
import { startServerProcess } from '../src/load/server-process.ts';

interface Scenario {
  matches: number;
  thinkMs: number;
  durationS: number;
}

const quick = process.argv.includes('--quick');
const scenarios: Scenario[] = quick
  ? [
      { matches: 20, thinkMs: 200, durationS: 5 },
      { matches: 20, thinkMs: 0, durationS: 5 },
    ]
  : [
      { matches: 100, thinkMs: 1000, durationS: 20 },
      { matches: 1000, thinkMs: 1000, durationS: 20 },
      { matches: 50, thinkMs: 0, durationS: 20 },
      { matches: 200, thinkMs: 0, durationS: 20 },
    ];

const databaseUrl = process.env.DATABASE_URL;
const stores: { name: 'pglite' | 'postgres'; env: Record<string, string> }[] = [
  { name: 'pglite', env: { DATABASE_URL: '' } },
  ...(databaseUrl ? [{ name: 'postgres' as const, env: { DATABASE_URL: databaseUrl } }] : []),
];

const rows: ScenarioRow[] = [];
for (const store of stores) {
  for (const scenario of scenarios) {
    const schema = store.name === 'postgres' ? `bench_${process.pid}_${rows.length}` : '';
    const label = `${store.name}: ${scenario.matches} matches, think ${scenario.thinkMs} ms`;
    process.stderr.write(`running ${label} ...\n`);
    const server = await startServerProcess({
      ...loadServerEnv(),
      ...store.env,
      DATABASE_SCHEMA: schema,
    });
    try {
      rows.push({ store: store.name, report: await runLoad({ url: server.url, ...scenario }) });
    } finally {
      await server.stop();
      if (schema && databaseUrl) await dropSchema(databaseUrl, schema);
    }
  }
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `\nServer load (${cpus().length} cores, ${cpu}; Node ${process.version}; load generator and server share the machine)\n`,
);
console.log(formatTable(rows));

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
