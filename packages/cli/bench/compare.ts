/**
 * `npm run bench:compare`: the same two-player Golf hosted by boardgame.io 0.50 and Colyseus
 * 0.16 (each its own server, in-memory) and by Cardtable on PostgreSQL and on embedded PGlite,
 * side by side in one run. Each server runs pinned to CPU 0 and each load generator (a process
 * of its own) to CPU 1; the systems take turns scenario by scenario, three repetitions, and the
 * table shows medians with Cardtable/anchor ratios. `--quick` runs one short, smaller
 * repetition to try it out; `--systems bgio,colyseus` runs only those. PostgreSQL is
 * DATABASE_URL (default: the local server), in a scratch schema per run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpus, loadavg } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleModules } from '../src/bundle/server-bundle.ts';
import { loadServerEnv } from '../src/commands/load.ts';
import { dropSchema, postgresAnswers } from '../src/load/scratch-schema.ts';
import { freePort, startServerProcess, waitUntilReady } from '../src/load/server-process.ts';
import {
  formatComparison,
  parseSystems,
  type Measured,
  type Scenario,
  type System,
} from './compare/table.ts';
import type { ChildRequest, ChildResult } from './compare/load-child.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const SERVER_CPU = 0;
const LOAD_CPU = 1;
/** The anchors: each its own server script, answering `readyPath` once it listens. */
const ANCHOR_SERVERS: Partial<Record<System, { script: string; readyPath: string }>> = {
  bgio: { script: 'compare/bgio-server.ts', readyPath: '/games' },
  colyseus: { script: 'compare/colyseus-server.ts', readyPath: '/ready' },
};

/** Each anchor's bundle, built once a run (`anchorBundle`). */
const anchorBundles = new Map<string, Promise<string>>();

const quick = process.argv.includes('--quick');
const systemsFlag = process.argv.indexOf('--systems');
let systems: System[];
try {
  systems = parseSystems(systemsFlag >= 0 ? (process.argv[systemsFlag + 1] ?? '') : undefined);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
const repetitions = quick ? 1 : 3;
const scenarios: Scenario[] = quick
  ? [
      { name: 'saturated', matches: 20, thinkMs: 0, durationS: 6 },
      { name: 'paced-many', matches: 200, thinkMs: 1000, durationS: 6 },
      { name: 'paced-few', matches: 50, thinkMs: 1000, durationS: 6 },
    ]
  : [
      { name: 'saturated', matches: 50, thinkMs: 0, durationS: 15 },
      { name: 'paced-many', matches: 1000, thinkMs: 1000, durationS: 15 },
      { name: 'paced-few', matches: 100, thinkMs: 1000, durationS: 15 },
    ];

const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const havePostgres = !systems.includes('postgres') || (await postgresAnswers(databaseUrl));
if (!havePostgres) process.stderr.write(`PostgreSQL at ${databaseUrl} does not answer: skipped\n`);

const results: Measured[] = [];
const loadAtStart = loadavg()[0] ?? 0;
for (let rep = 0; rep < repetitions; rep++) {
  for (const scenario of scenarios) {
    // Interleaved: each repetition starts with another system.
    const order = systems.map((_, i) => systems[(i + rep) % systems.length] as System);
    for (const system of order) {
      if (system === 'postgres' && !havePostgres) continue;
      process.stderr.write(
        `rep ${rep + 1}/${repetitions} ${scenario.name} (${scenario.matches} matches, think ${scenario.thinkMs} ms): ${system} ... `,
      );
      try {
        const result = await runOne(system, scenario, rep);
        results.push({ system, scenario: scenario.name, result });
        process.stderr.write(
          `${(result.actions / result.seconds).toFixed(0)} actions/s, p95 ${result.latencyMs.p95?.toFixed(1)} ms\n`,
        );
      } catch (error) {
        process.stderr.write(`failed: ${(error as Error).message}\n`);
      }
    }
  }
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `\nbench:compare${quick ? ' --quick' : ''}: ${cpus().length} cores (${cpu}), Node ${process.version}, ` +
    `load average ${loadAtStart.toFixed(1)} at start and ${(loadavg()[0] ?? 0).toFixed(1)} at end; ` +
    `servers on CPU ${SERVER_CPU}, load generators on CPU ${LOAD_CPU}; medians of ${repetitions}\n`,
);
console.log(formatComparison(results, scenarios, systems));

/**
 * An anchor's server bundled as Cardtable's is (`bundleModules`), so no system compared runs
 * under a TypeScript loader (tsx costs a server tens of MiB: docs/benchmarks.md, "Session 17").
 */
function anchorBundle(script: string): Promise<string> {
  const bundle = join(HERE, '../dist/bench', script.replace(/\.ts$/, '.js'));
  const entries = { [basename(bundle, '.js')]: join(HERE, script) };
  if (!anchorBundles.has(script))
    anchorBundles.set(
      script,
      bundleModules(entries, dirname(bundle)).then(() => bundle),
    );
  return anchorBundles.get(script) as Promise<string>;
}

async function runOne(system: System, scenario: Scenario, rep: number): Promise<ChildResult> {
  const anchor = ANCHOR_SERVERS[system];
  if (anchor) {
    const port = await freePort();
    const server = spawn(
      'taskset',
      ['-c', String(SERVER_CPU), process.execPath, await anchorBundle(anchor.script), String(port)],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    // Its last words, should it crash: a server gone mid-run fails the run (see window.ts).
    let errors = '';
    server.stderr?.on(
      'data',
      (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)),
    );
    try {
      const url = `http://127.0.0.1:${port}`;
      await waitUntilReady(url, server, 180_000, anchor.readyPath);
      return await runChild({
        system: system === 'bgio' ? 'bgio' : 'colyseus',
        url,
        serverPid: server.pid as number,
        ...scenario,
      });
    } catch (error) {
      const exited = server.exitCode !== null || server.signalCode !== null;
      throw exited ? new Error(`${(error as Error).message}\n--- server ---\n${errors}`) : error;
    } finally {
      await stop(server);
    }
  }
  const schema =
    system === 'postgres'
      ? `bench_compare_${process.pid}_${rep}_${scenario.name.replace('-', '_')}`
      : '';
  const server = await startServerProcess(
    {
      ...loadServerEnv(),
      DATABASE_URL: system === 'postgres' ? databaseUrl : '',
      DATABASE_SCHEMA: schema,
    },
    // PGlite's start (WASM, migrations) takes long on a busy machine.
    180_000,
    SERVER_CPU,
  );
  try {
    return await runChild({
      system: 'cardtable',
      url: server.url,
      serverPid: server.pid,
      ...scenario,
    });
  } finally {
    await server.stop();
    if (schema) await dropSchema(databaseUrl, schema).catch(() => undefined);
  }
}

async function runChild(request: ChildRequest & { name?: string }): Promise<ChildResult> {
  const { name: _name, ...body } = request;
  const child = spawn(
    'taskset',
    [
      '-c',
      String(LOAD_CPU),
      process.execPath,
      '--import',
      'tsx',
      join(HERE, 'compare/load-child.ts'),
      JSON.stringify(body),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-2000)));
  const timer = setTimeout(() => child.kill('SIGKILL'), (request.durationS + 300) * 1000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  const line = out.trim().split('\n').at(-1);
  if (code !== 0 || !line) throw new Error(`load generator exited ${code}: ${err}`);
  return JSON.parse(line) as ChildResult;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
