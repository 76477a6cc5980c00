/**
 * End to end over real sockets: two people (SDK clients) and a CPU play a full 9-hole Golf match
 * against a `cardtable serve` child on embedded PGlite, with a spectator watching. Every frame
 * every viewer received is then judged against the server's own unprojected export.
 */
import {
  createRng,
  SPECTATOR,
  seatViewer,
  verifyReplay,
  type ReplayFile,
  type Viewer,
} from '@cardtable/engine';
import { golf } from '@cardtable/golf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../cli/src/load/server-process.ts';
import {
  RandomPlayer,
  type ApiResult,
  type CardtableClient,
  type MatchConnection,
} from '../src/index.ts';
import type { ReplayFileBody } from '../src/protocol.ts';
import {
  consumeInstantly,
  expectOk,
  record,
  signedIn,
  startTestServer,
  type Recording,
} from './support/e2e.ts';
import { GolfTruth } from './support/golf-secrets.ts';

interface Watcher {
  name: string;
  viewer: Viewer;
  client: CardtableClient;
  connection: MatchConnection;
  recording: Recording;
}

let server: ServerProcess;
const watchers: Watcher[] = [];
let matchId = '';
let exported: ReplayFileBody;
let truth: GolfTruth;
let midwayExports: Promise<[ApiResult<ReplayFileBody>, ApiResult<ReplayFileBody>]> | null = null;

beforeAll(async () => {
  server = await startTestServer();
  const [alice, bob, sam] = await Promise.all(
    ['Alice', 'Bob', 'Sam'].map((name) => signedIn(server.url, name)),
  );
  if (!alice || !bob || !sam) throw new Error('sign-in failed');
  const created = expectOk(
    await alice.api.createMatch({
      game: 'golf',
      options: { rounds: 9 },
      seats: [{ kind: 'human' }, { kind: 'human' }, { kind: 'cpu', profile: 'Maya' }],
    }),
  );
  matchId = created.matchId;
  const watch = (name: string, viewer: Viewer, client: CardtableClient, manual: boolean) => {
    const connection = client.connect(matchId, { ackMode: manual ? 'manual' : 'auto' });
    const watcher = { name, viewer, client, connection, recording: record(connection) };
    watchers.push(watcher);
    return watcher;
  };
  // Alice (a renderer acking each step from its queue) and the spectator are connected before
  // the match starts, so they see every step of it.
  const aliceWatch = watch('Alice', seatViewer(0), alice, true);
  const samWatch = watch('Sam', SPECTATOR, sam, false);
  await Promise.all(
    [aliceWatch, samWatch].map((w) => w.connection.until((c) => c.state === 'open')),
  );
  expectOk(await bob.api.joinMatch(created.code.toLowerCase()));
  const bobWatch = watch('Bob', seatViewer(1), bob, false);

  // Mid-match, the log is for participants only, and in their projection.
  const offMidway = aliceWatch.connection.on('step', ({ event }) => {
    if (event.version < 40) return;
    offMidway();
    midwayExports = Promise.all([alice.api.exportMatch(matchId), sam.api.exportMatch(matchId)]);
  });
  void consumeInstantly(aliceWatch.connection);
  const rng = createRng('e2e-golf', 1);
  const players = [aliceWatch, bobWatch].map(
    ({ connection }) => new RandomPlayer(connection, { thinkMs: 0, random: rng.float }),
  );
  await Promise.all(watchers.map((w) => w.connection.until((c) => c.status === 'over')));
  for (const player of players) player.stop();

  // Every viewer has every step of the last resolution, not just its first.
  const { version, step } = expectOk(await alice.api.getState(matchId));
  await Promise.all(
    watchers.map((w) =>
      w.connection.until((c) => c.position.version === version && c.position.step === step),
    ),
  );
  exported = expectOk(await alice.api.exportMatch(matchId));
  truth = new GolfTruth(exported);
}, 240_000);

afterAll(async () => {
  for (const { connection } of watchers) connection.close();
  await server?.stop();
});

describe('a full Golf match over the server', () => {
  it('was played to the end: nine holes, a result, and a log that re-executes exactly', async () => {
    const metadata = expectOk(await watchers[0]!.client.api.getMatch(matchId));
    expect(metadata.status).toBe('over');
    expect(metadata.result?.standings).toHaveLength(3);
    expect(exported.match.seats[2]).toMatchObject({ kind: 'cpu', profile: 'Maya' });
    expect(truth.stateAt(truth.endOf(metadata.version)).rounds).toHaveLength(9);
    const verified = verifyReplay(golf, exported as ReplayFile);
    expect(verified.ok ? 'ok' : verified.message).toBe('ok');
    // The CPU played too: some accepted action came from seat 2.
    expect(exported.actions.some((action) => action.seat === 2)).toBe(true);
  });

  it('never sent any viewer a frame carrying what it may not see', () => {
    const leaks: string[] = [];
    for (const { name, viewer, recording } of watchers) {
      expect(recording.frames.length).toBeGreaterThan(100);
      for (const { message, position } of recording.frames) {
        for (const leak of truth.leaks(message, viewer, position)) {
          leaks.push(`${name}, ${message.type} at ${position.version}.${position.step}: ${leak}`);
        }
      }
      // Diffs are checked through the views they rebuild: a leaked field shows up there.
      for (const { view, position } of recording.views) {
        for (const leak of truth.leaks(view, viewer, position)) {
          leaks.push(`${name}, view after ${position.version}.${position.step}: ${leak}`);
        }
      }
    }
    expect(leaks.slice(0, 20)).toEqual([]);
  });

  it('kept the HTTP answers projected too: states, and the log exported before the end', async () => {
    const leaks: string[] = [];
    for (const { name, viewer, client } of watchers) {
      const answer = await client.api.getState(matchId);
      // Over, the match is its players' (its replay is private): the spectator finds none.
      if (viewer === SPECTATOR) {
        expect(answer.ok ? null : answer.error.code, name).toBe('NOT_FOUND');
        continue;
      }
      const state = expectOk(answer);
      for (const leak of truth.leaks(state, viewer, truth.endOf(state.version))) {
        leaks.push(`${name}, GET state: ${leak}`);
      }
    }
    if (!midwayExports) throw new Error('the match never reached version 40');
    const [aliceExport, samExport] = await midwayExports;
    const partial = expectOk(aliceExport);
    expect(partial.match.status).toBe('active');
    expect(partial.match.seed).toBeUndefined();
    expect(partial.events.length).toBeGreaterThan(40);
    for (const event of partial.events) {
      for (const leak of truth.leaks(event, seatViewer(0), event)) {
        leaks.push(`Alice, export before the end, ${event.version}.${event.step}: ${leak}`);
      }
    }
    expect(leaks.slice(0, 20)).toEqual([]);
    // The spectator is no participant: no log before the end.
    expect(samExport.ok).toBe(false);
  });

  it('gave each viewer every step in order, once, ending on the view the server holds for it', async () => {
    const allSteps = exported.events.map((e) => `${e.version}.${e.step}`);
    for (const { name, viewer, client, connection, recording } of watchers) {
      const received = recording.views.map(
        ({ position }) => `${position.version}.${position.step}`,
      );
      const firstIndex = allSteps.indexOf(received[0] ?? '');
      expect(firstIndex, name).toBeGreaterThanOrEqual(0);
      expect(received, name).toEqual(allSteps.slice(firstIndex));
      // The spectator's last view is checked against the log alone (see above).
      let version = exported.events.at(-1)!.version;
      if (viewer !== SPECTATOR) {
        const state = expectOk(await client.api.getState(matchId));
        expect(connection.view, name).toEqual(state.view);
        version = state.version;
      }
      const truthView = golf.view(truth.stateAt(truth.endOf(version)), viewer);
      expect(connection.view, name).toEqual(JSON.parse(JSON.stringify(truthView)));
    }
    // Alice and the spectator were there from the deal of the first hole.
    expect(watchers[0]?.recording.views[0]?.position).toEqual({ version: 1, step: 1 });
    expect(watchers[1]?.recording.views[0]?.position).toEqual({ version: 1, step: 1 });
  });

  it('treated the spectator as a spectator: no seat, nothing to play', () => {
    const sam = watchers.find((w) => w.name === 'Sam') as Watcher;
    const welcomes = sam.recording.frames.flatMap(({ message }) =>
      message.type === 'WELCOME' ? [message] : [],
    );
    expect(welcomes.length).toBeGreaterThan(0);
    for (const welcome of welcomes) {
      expect(welcome).toMatchObject({ role: 'spectator', seat: null, legal: [] });
    }
    const offered = sam.recording.frames.filter(
      ({ message }) => message.type === 'LEGAL' && message.legal.length > 0,
    );
    expect(offered).toEqual([]);
  });
});
