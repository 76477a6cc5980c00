/**
 * `npm run bench:server`: the match server under load. Each scenario starts a fresh server child
 * on loopback and runs `cardtable load` against it: first on embedded PGlite, then on PostgreSQL
 * when DATABASE_URL is set (in a scratch schema, dropped afterwards). Prints a Markdown table.
 * Pass `--quick` for a short smoke run.
 */
import { cpus } from 'node:os';
import { loadServerEnv } from '../src/commands/load.ts';
import { formatTable, type ScenarioRow } from '../src/load/report.ts';
import { runLoad } from '../src/load/run.ts';
import { dropSchema } from '../src/load/scratch-schema.ts';
import { startServerProcess, type ServerProcess } from '../src/load/server-process.ts';

interface Scenario {
  matches: number;
  thinkMs: number;
  durationS: number;
}

const quick = process.argv.includes('--quick');
const paced = (matches: number): Scenario => ({ matches, thinkMs: 1000, durationS: 20 });
const saturated = (matches: number): Scenario => ({ matches, thinkMs: 0, durationS: 20 });

/** The scenarios, the same on both stores (the embedded one keeps up with 1,000 since the group commit). */
const scenarios: Scenario[] = quick
  ? [
      { matches: 20, thinkMs: 200, durationS: 5 },
      { matches: 20, thinkMs: 0, durationS: 5 },
    ]
  : [paced(100), paced(1000), saturated(50), saturated(200)];

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
    let server: ServerProcess | null = null;
    try {
      server = await startServerProcess({
        ...loadServerEnv(),
        ...store.env,
        DATABASE_SCHEMA: schema,
      });
      const report = await runLoad({ url: server.url, ...scenario });
      rows.push({ store: store.name, ...scenario, outcome: report });
    } catch (error) {
      rows.push({ store: store.name, ...scenario, outcome: { error: (error as Error).message } });
    } finally {
      await server?.stop();
      if (schema && databaseUrl) await dropSchema(databaseUrl, schema);
    }
  }
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `\nServer load (${cpus().length} cores, ${cpu}; Node ${process.version}; load generator and server share the machine)\n`,
);
console.log(formatTable(rows));
