/**
 * `npm run bench:memory`: what a live match and an idle socket cost the server's memory.
 * Starts `cardtable serve` (embedded PGlite, or PostgreSQL with `--store postgres`) with its
 * inspector open, then: sets up `--matches` two-player Golf matches (default 1,000), both seats
 * connected and `--moves` actions played (default 12), and reads the server's memory after a
 * full garbage collection; then opens `--idle` more sockets (default 10,000), spectators spread
 * over those matches, and reads it again. Prints bytes per live match and per idle socket, and
 * the round trip of a PING over one socket while they are all open.
 */
import { CardtableClient, RandomPlayer, type MatchConnection } from '@cardtable/sdk';
import { cpus, loadavg } from 'node:os';
import { loadServerEnv } from '../src/commands/load.ts';
import { eachLimited, expectOk } from '../src/load/run.ts';
import { dropSchema } from '../src/load/scratch-schema.ts';
import { freePort, startServerProcess } from '../src/load/server-process.ts';
import { InspectorClient, type MemoryReading } from './memory/inspector.ts';

const SETUP_CONCURRENCY = 32;

const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number.`);
  return value;
};
const matches = Math.max(1, option('matches', 1000));
const moves = option('moves', 12);
const idle = option('idle', 10_000);
const store = process.argv.includes('postgres') ? 'postgres' : 'pglite';
const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const schema = store === 'postgres' ? `bench_memory_${process.pid}` : '';

const inspectPort = await freePort();
const server = await startServerProcess(
  {
    ...loadServerEnv(),
    DATABASE_URL: store === 'postgres' ? databaseUrl : '',
    DATABASE_SCHEMA: schema,
    MAX_CONNECTIONS_PER_MATCH: '1000',
    // The idle sockets are one watcher's.
    MATCH_SOCKETS_PER_USER: String(Math.max(1, idle)),
    NODE_OPTIONS: `--inspect=127.0.0.1:${inspectPort}`,
  },
  180_000,
);
const connections: MatchConnection[] = [];
try {
  const inspector = await InspectorClient.connect(inspectPort);
  const empty = await inspector.read();
  process.stderr.write(`setting up ${matches} matches (${moves} moves each) ...\n`);
  const matchIds: string[] = [];
  const setupStarted = performance.now();
  await eachLimited(matches, SETUP_CONCURRENCY, async () => {
    matchIds.push(await liveMatch(server.url));
  });
  const setupS = (performance.now() - setupStarted) / 1000;
  const withMatches = await inspector.read();

  process.stderr.write(`opening ${idle} idle sockets ...\n`);
  const watcher = new CardtableClient({ baseUrl: server.url });
  expectOk(await watcher.api.guest('Memory watcher'), 'guest sign-in');
  const idleStarted = performance.now();
  let opened = 0;
  await eachLimited(idle, SETUP_CONCURRENCY * 4, async () => {
    const matchId = matchIds[opened % matchIds.length] as string;
    const connection = watcher.connect(matchId, { ackMode: 'auto', trackView: false });
    connections.push(connection);
    if (await connection.until((c) => c.status !== null)) opened++;
  });
  const idleS = (performance.now() - idleStarted) / 1000;
  const withIdle = await inspector.read();
  const pingMs = await pingRoundTrip(watcher, matchIds[0] as string);
  inspector.close();

  const perMatch = (key: keyof MemoryReading) => (withMatches[key] - empty[key]) / matches;
  const perSocket = (key: keyof MemoryReading) =>
    idle === 0 ? 0 : (withIdle[key] - withMatches[key]) / idle;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  console.log(
    `\nbench:memory: ${store}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ` +
      `Node ${process.version}, load average ${(loadavg()[0] ?? 0).toFixed(1)}; ` +
      `readings after a full garbage collection\n`,
  );
  console.log('| reading | heap used | heap + external | RSS |');
  console.log('| --- | --- | --- | --- |');
  const row = (name: string, r: MemoryReading) =>
    console.log(
      `| ${name} | ${mib(r.heapUsedBytes)} | ${mib(r.heapUsedBytes + r.externalBytes)} | ${mib(r.rssBytes)} |`,
    );
  row('server started', empty);
  row(`${matches} live matches (${moves} moves each, 2 players connected)`, withMatches);
  row(`+ ${opened} of ${idle} idle sockets open`, withIdle);
  console.log(
    `\nper live match: ${kb(perMatch('heapUsedBytes'))} heap, ` +
      `${kb(perMatch('heapUsedBytes') + perMatch('externalBytes'))} heap + external, ` +
      `${kb(perMatch('rssBytes'))} RSS (set up in ${setupS.toFixed(1)} s)`,
  );
  console.log(
    `per idle socket: ${kb(perSocket('heapUsedBytes'))} heap, ` +
      `${kb(perSocket('heapUsedBytes') + perSocket('externalBytes'))} heap + external, ` +
      `${kb(perSocket('rssBytes'))} RSS (opened in ${idleS.toFixed(1)} s); ` +
      `PING round trip with all open: ${pingMs === null ? '-' : pingMs < 1 ? 'under 1 ms' : `${pingMs} ms`}`,
  );
} finally {
  for (const connection of connections) connection.close();
  await server.stop();
  if (schema) await dropSchema(databaseUrl, schema).catch(() => undefined);
}
process.exit(0);

/** A match with both seats connected, `moves` actions into it; its players then stop. */
async function liveMatch(url: string): Promise<string> {
  const host = new CardtableClient({ baseUrl: url });
  const guest = new CardtableClient({ baseUrl: url });
  expectOk(await host.api.guest('Memory host'), 'guest sign-in');
  expectOk(await guest.api.guest('Memory guest'), 'guest sign-in');
  const created = expectOk(
    await host.api.createMatch({
      game: 'golf',
      options: {},
      seats: [{ kind: 'human' }, { kind: 'human' }],
    }),
    'create match',
  );
  expectOk(await guest.api.joinMatch(created.code), 'join match');
  const seats = [host, guest].map((client) =>
    client.connect(created.matchId, { ackMode: 'auto', trackView: false }),
  );
  connections.push(...seats);
  const players = seats.map((seat) => new RandomPlayer(seat, { thinkMs: 0 }));
  await Promise.all(seats.map((seat) => seat.until((c) => c.version >= moves)));
  for (const player of players) player.stop();
  return created.matchId;
}

/** The first heartbeat PING's round trip on a fresh socket, in whole ms (null if none came). */
async function pingRoundTrip(client: CardtableClient, matchId: string): Promise<number | null> {
  const connection = client.connect(matchId, {
    ackMode: 'auto',
    trackView: false,
    heartbeat: { intervalMs: 100, timeoutMs: 30_000 },
  });
  connections.push(connection);
  return (await connection.until((c) => c.latencyMs !== null)) ? connection.latencyMs : null;
}
