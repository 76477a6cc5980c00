/**
 * Expiry, abandonment and unloading (issue 9, fix 3) against a real server on both stores, with
 * the server's clock in the test's hand: waiting matches expire and their codes die, unwatched
 * started matches end as abandoned (and exports say so), idle matches leave memory and come back
 * on demand, and a restart does not bring hundreds of never-started matches back into memory. Work is
 * measured as counts (loads, matches in memory), never as time.
 */
import { verifyReplay, type ReplayFile } from '@cardtable/engine';
import type {
  AuthResponse,
  CreateMatchRequest,
  MatchMetadata,
  MatchStateResponse,
  MatchStatusMessage,
} from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/app.ts';
import { secretDraw } from './fixtures/secret-draw.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { configFrom, startTestServer, testGames, type StoreKind } from './helpers/server.ts';
import { playUntilOver, RawClient } from './helpers/socket-client.ts';

const MINUTE = 60_000;
const LIFECYCLE = {
  WAITING_MATCH_TTL_MS: String(60 * MINUTE),
  ABANDON_AFTER_MS: String(10 * MINUTE),
  IDLE_UNLOAD_MS: String(MINUTE),
  // Sweeps run when the test calls them.
  LIFECYCLE_SWEEP_MS: String(24 * 60 * MINUTE),
  // CPUs never move during a test: a CPU-only match stays in play, like a long Golf match.
  CPU_THINK_MS: '3600000',
  SNAPSHOT_EVERY: '2',
};
const TWO_PEOPLE: CreateMatchRequest = {
  game: 'secret-draw',
  options: { draws: 3 },
  seats: [{ kind: 'human' }, { kind: 'human' }],
};

describe.each<StoreKind>(['embedded', 'postgres'])('match expiry and unloading (%s)', (store) => {
  let server: RunningServer;
  let clock = Date.now();
  let alice: AuthResponse;
  let bob: AuthResponse;
  beforeAll(async () => {
    server = await startTestServer(store, LIFECYCLE, testGames, { now: () => clock });
    [alice, bob] = await Promise.all([guest(server.url, 'Alice'), guest(server.url, 'Bob')]);
  }, 180_000); // a fresh embedded database takes a while to create on a loaded machine
  afterAll(async () => server?.close());

  const metadata = async (matchId: string, token = alice.accessToken) =>
    (await call<MatchMetadata>(server.url, 'GET', `/api/matches/${matchId}`, { token })).body;
  const join = (code: string, token = bob.accessToken) =>
    call<{ code: string }>(server.url, 'POST', '/api/matches/join', { token, body: { code } });

  /** Waits until the server has seen every socket of the match close. */
  const unwatched = async (matchId: string) => {
    for (let i = 0; i < 500; i++) {
      if ((await server.registry.loaded(matchId))?.connectionCount === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the sockets never closed');
  };
  /** The player whose turn it is (asked over HTTP) plays their first legal action. */
  const moveOnce = async (matchId: string, clients: RawClient[]) => {
    for (const [index, player] of [alice, bob].entries()) {
      const state = await call<MatchStateResponse>(
        server.url,
        'GET',
        `/api/matches/${matchId}/state`,
        { token: player.accessToken },
      );
      const legal = state.body.legal[0];
      if (!legal) continue;
      const result = await (clients[index] as RawClient).act(legal.type, legal.payload);
      expect(result).toMatchObject({ ok: true });
      return;
    }
    throw new Error('nobody may move');
  };

  it('waiting matches expire, in memory or not; their join codes die', async () => {
    const watched = await createMatch(server.url, alice.accessToken, TWO_PEOPLE);
    const unwatched = await createMatch(server.url, alice.accessToken, TWO_PEOPLE);
    const lobby = await RawClient.open(server.url, watched.matchId, alice.accessToken);

    // Idle for a minute: the unwatched one leaves memory, the watched one stays.
    clock += MINUTE + 1;
    const first = await server.lifecycle.sweep();
    expect(first.unloaded).toBeGreaterThanOrEqual(1);
    expect(server.registry.inMemoryIds()).toContain(watched.matchId);
    expect(server.registry.inMemoryIds()).not.toContain(unwatched.matchId);
    const loadsBefore = server.registry.stats().loads;

    clock += 60 * MINUTE;
    const swept = await server.lifecycle.sweep();
    expect(swept.expired).toBeGreaterThanOrEqual(2);
    // The one out of memory was ended in the store, without loading it.
    expect(server.registry.stats().loads).toBe(loadsBefore);

    const status = (await lobby.next(
      'MATCH_STATUS',
      (m) => m.status === 'over',
    )) as MatchStatusMessage;
    expect(status.result).toMatchObject({ winners: [], reason: 'expired' });
    for (const created of [watched, unwatched]) {
      const meta = await metadata(created.matchId);
      expect(meta).toMatchObject({ status: 'over', result: { reason: 'expired' } });
      expect(meta.endedAt).not.toBeNull();
      expect(await join(created.code)).toMatchObject({
        status: 404,
        body: { code: 'NOT_FOUND' },
      });
    }
    lobby.socket.close();
  });

  it('a started match nobody watches is abandoned, and its export says so', async () => {
    const carol = await guest(server.url, 'Carol');
    const cpuOnly = await createMatch(server.url, carol.accessToken, {
      game: 'secret-draw',
      seats: [
        { kind: 'cpu', profile: 'steady' },
        { kind: 'cpu', profile: 'bold' },
      ],
    });
    const played = await createMatch(server.url, alice.accessToken, TWO_PEOPLE);
    expect((await join(played.code)).status).toBe(200);
    const watcher = await RawClient.open(server.url, played.matchId, alice.accessToken);
    expect((await metadata(cpuOnly.matchId)).status).toBe('active');

    clock += 10 * MINUTE + 1;
    const swept = await server.lifecycle.sweep();
    expect(swept.abandoned).toBeGreaterThanOrEqual(1);
    // Over, the match is its host's (and players') to see: Carol's, not Alice's.
    expect(await metadata(cpuOnly.matchId)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await metadata(cpuOnly.matchId, carol.accessToken)).toMatchObject({
      status: 'over',
      result: { winners: [], standings: [], reason: 'abandoned' },
    });
    // Watched the whole time: still in play.
    expect((await metadata(played.matchId)).status).toBe('active');

    const exported = await call<ReplayFile>(
      server.url,
      'GET',
      `/api/matches/${cpuOnly.matchId}/export`,
      // Its host: a finished match's replay is its players' and host's own by default.
      { token: carol.accessToken },
    );
    expect(exported.status).toBe(200);
    expect(exported.body.match).toMatchObject({
      status: 'over',
      result: { reason: 'abandoned' },
    });
    expect(exported.body.match.seed).toBeTypeOf('string');
    expect(verifyReplay(secretDraw, exported.body)).toMatchObject({ ok: true });

    // Once its watcher leaves, the other one is abandoned too, a while later.
    watcher.socket.close();
    await unwatched(played.matchId);
    clock += 10 * MINUTE + 1;
    await server.lifecycle.sweep();
    expect(await metadata(played.matchId)).toMatchObject({
      status: 'over',
      result: { reason: 'abandoned' },
    });
  });

  it('an idle match leaves memory, comes back on demand from its log and plays on', async () => {
    const created = await createMatch(server.url, alice.accessToken, TWO_PEOPLE);
    const a = await RawClient.open(server.url, created.matchId, alice.accessToken);
    expect((await join(created.code)).status).toBe(200);
    const b = await RawClient.open(server.url, created.matchId, bob.accessToken);
    // A few moves, so the reload starts from a snapshot plus a tail.
    for (let i = 0; i < 3; i++) await moveOnce(created.matchId, [a, b]);
    const version = (await metadata(created.matchId)).version;
    expect(version).toBeGreaterThanOrEqual(2);
    a.socket.close();
    b.socket.close();
    await unwatched(created.matchId);

    clock += MINUTE + 1;
    const loadsBefore = server.registry.stats().loads;
    await server.lifecycle.sweep();
    expect(server.registry.inMemoryIds()).not.toContain(created.matchId);

    const again = await Promise.all(
      [alice, bob].map((p) => RawClient.open(server.url, created.matchId, p.accessToken)),
    );
    expect(server.registry.stats().loads).toBe(loadsBefore + 1);
    for (const client of again) {
      expect(client.received[0]).toMatchObject({ type: 'WELCOME', status: 'active', version });
    }
    // The match goes on from where it was, to the end.
    await moveOnce(created.matchId, again);
    await Promise.all(again.map((client) => playUntilOver(client)));
    expect((await metadata(created.matchId)).status).toBe('over');
    for (const client of again) client.socket.close();
  });
});

describe.each<StoreKind>(['embedded', 'postgres'])(
  'a restart after a flood of never-started matches (%s)',
  (store) => {
    // Enough that loading them all at start would show in the counts (2 loads against 252).
    const FLOOD = 250;
    let env: Record<string, string>;
    const running: RunningServer[] = [];
    const restart = async (now?: () => number) => {
      const server = await startServer(configFrom(env), testGames, now ? { now } : {});
      running.push(server);
      return server;
    };
    afterAll(async () => {
      for (const server of running) await server.close().catch(() => undefined);
    });

    it('only started matches come back into memory; the rest load on demand or expire', async () => {
      const first = await startTestServer(store, LIFECYCLE);
      env = first.env;
      const mallory = await guest(first.url, 'Mallory');
      const codes: string[] = [];
      for (let batch = 0; batch < FLOOD; batch += 25) {
        const created = await Promise.all(
          Array.from({ length: Math.min(25, FLOOD - batch) }, () =>
            createMatch(first.url, mallory.accessToken, TWO_PEOPLE),
          ),
        );
        codes.push(...created.map((c) => c.code));
      }
      // Two started matches: their players get a grace period after the restart.
      const alice = await guest(first.url, 'Alice');
      const bob = await guest(first.url, 'Bob');
      const started = [];
      for (let i = 0; i < 2; i++) {
        const created = await createMatch(first.url, alice.accessToken, TWO_PEOPLE);
        await call(first.url, 'POST', '/api/matches/join', {
          token: bob.accessToken,
          body: { code: created.code },
        });
        started.push(created.matchId);
      }
      await first.close();

      const second = await restart();
      expect(second.registry.stats()).toEqual({ inMemory: 2, loads: 2 });
      expect(second.registry.inMemoryIds().sort()).toEqual([...started].sort());
      // A never-started match loads when someone asks for it, and goes on.
      const joined = await call<{ matchId: string }>(second.url, 'POST', '/api/matches/join', {
        token: bob.accessToken,
        body: { code: codes[0] },
      });
      expect(joined.status).toBe(200);
      expect(second.registry.stats().loads).toBe(3);
      const meta = await call<MatchMetadata>(
        second.url,
        'GET',
        `/api/matches/${joined.body.matchId}`,
        { token: bob.accessToken },
      );
      expect(meta.body.status).toBe('active');
      await second.close();

      // Two hours later, the rest have expired and the started ones were abandoned meanwhile:
      // all ended in the store at start-up, none loaded.
      const later = Date.now() + 120 * MINUTE;
      const third = await restart(() => later);
      expect(third.registry.stats()).toEqual({ inMemory: 0, loads: 0 });
      const ended = await third.db.query<{ reason: string; n: number }>(
        `SELECT result->>'reason' AS reason, count(*)::int AS n FROM matches
         WHERE status = 'over' GROUP BY 1 ORDER BY 1`,
      );
      expect(ended).toEqual([
        { reason: 'abandoned', n: 3 },
        { reason: 'expired', n: FLOOD - 1 },
      ]);
      const dead = await call(third.url, 'POST', '/api/matches/join', {
        token: bob.accessToken,
        body: { code: codes[1] },
      });
      expect(dead).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    }, 600_000);
  },
);

describe('the lifecycle sweep runs on its own timer', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer('postgres', {
      WAITING_MATCH_TTL_MS: '300',
      LIFECYCLE_SWEEP_MS: '50',
    });
  });
  afterAll(async () => server?.close());

  it('a waiting match expires without anyone asking', async () => {
    const dana = await guest(server.url, 'Dana');
    const created = await createMatch(server.url, dana.accessToken, TWO_PEOPLE);
    let status = 'waiting';
    for (let i = 0; i < 200 && status !== 'over'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (
        await call<MatchMetadata>(server.url, 'GET', `/api/matches/${created.matchId}`, {
          token: dana.accessToken,
        })
      ).body.status;
    }
    expect(status).toBe('over');
  });
});
