/**
 * The match-creation flood (issue 9, fix 3) played against a real server on both stores: one
 * guest fires self-playing CPU matches as fast as it can, and many guests behind one address do
 * the same. Each is refused past its quota with QUOTA_EXCEEDED naming the limit, a refusal stores
 * nothing, and someone else can still create a match and play it to the end.
 */
import type {
  AuthResponse,
  CreateMatchRequest,
  CreateMatchResponse,
  ErrorBody,
  JoinMatchResponse,
} from '@cardtable/sdk/protocol';
import type { QueueServerMessage } from '@cardtable/sdk/social';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startServer, type RunningServer } from '../src/app.ts';
import { call, callFrom, guest } from './helpers/http.ts';
import { configFrom, startTestServer, testGames, type StoreKind } from './helpers/server.ts';
import { playUntilOver, RawClient } from './helpers/socket-client.ts';

const CPU_ONLY: CreateMatchRequest = {
  game: 'secret-draw',
  seats: [
    { kind: 'cpu', profile: 'steady' },
    { kind: 'cpu', profile: 'bold' },
  ],
};

describe.each<StoreKind>(['embedded', 'postgres'])('match quotas (%s)', (store) => {
  let server: RunningServer;
  let clock = Date.now();
  beforeAll(async () => {
    server = await startTestServer(
      store,
      {
        // CPU matches keep playing for the whole test, like long Golf matches.
        CPU_THINK_MS: '600000',
        MATCH_ACTIVE_PER_USER: '4',
        // Apart from the hosting limit above (a different number, so either one shows).
        QUEUE_SEATED_PER_USER: '3',
        // And the seats at others' waiting tables (another number again).
        JOINED_TABLES_PER_USER: '2',
        MATCH_CREATE_PER_USER: '6',
        MATCH_CREATE_WINDOW_MS: '600000',
        MATCH_ACTIVE_PER_IP: '12',
        MATCH_CREATE_PER_IP: '100',
        ABANDON_AFTER_MS: '60000',
        // The sweep runs when the test says so.
        LIFECYCLE_SWEEP_MS: '3600000',
      },
      undefined,
      { now: () => clock },
    );
  }, 180_000); // a fresh embedded database takes a while to create on a loaded machine
  afterAll(async () => server?.close());

  const create = (token: string, body: CreateMatchRequest = CPU_ONLY) =>
    call<{ matchId: string } & ErrorBody>(server.url, 'POST', '/api/matches', { token, body });
  const hosted = async (userId: string) =>
    (
      await server.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM matches WHERE host_user_id = $1',
        [userId],
      )
    )[0]?.n;
  const refusals = async (limit: string) => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`cardtable_quota_refusals_total{limit="${limit}"}`));
    return Number(line?.split(' ')[1] ?? 0);
  };

  it('a flooding guest is refused past its quotas; another user still creates and plays', async () => {
    const mallory = await guest(server.url, 'Mallory');
    const flood = await Promise.all(Array.from({ length: 40 }, () => create(mallory.accessToken)));
    const accepted = flood.filter((r) => r.status === 200);
    const refused = flood.filter((r) => r.status !== 200);
    expect(accepted).toHaveLength(4);
    expect(refused).toHaveLength(36);
    for (const refusal of refused) {
      expect(refusal).toMatchObject({
        status: 429,
        body: { code: 'QUOTA_EXCEEDED', details: { limit: 'activePerUser', max: 4 } },
      });
      expect(refusal.body.message).toMatch(/4 matches waiting or in play/);
    }
    // A refusal stores nothing.
    expect(await hosted(mallory.user.id)).toBe(4);
    expect(await refusals('activePerUser')).toBe(36);

    // Meanwhile two other people create a match and play it to the end.
    await playOneMatch();

    // Nobody watches Mallory's matches: abandoned after ABANDON_AFTER_MS, which frees the
    // slots; the per-window creation limit (6) still holds.
    clock += 61_000;
    const swept = await server.lifecycle.sweep();
    expect(swept.abandoned).toBe(4);
    expect((await create(mallory.accessToken)).status).toBe(200);
    expect((await create(mallory.accessToken)).status).toBe(200);
    const third = await create(mallory.accessToken);
    expect(third).toMatchObject({
      status: 429,
      body: { code: 'QUOTA_EXCEEDED', details: { limit: 'createdPerUser', max: 6 } },
    });
    expect(await hosted(mallory.user.id)).toBe(6);

    // Once the window has passed, creations count no more (the open ones still do). The store
    // stamps creations with the database's clock: the window starts after the real now, which
    // runs ahead of this test clock when the embedded run before took long (a loaded machine).
    clock = Math.max(clock, Date.now()) + 600_000;
    expect((await create(mallory.accessToken)).status).toBe(200);
    expect(await hosted(mallory.user.id)).toBe(7);
  });

  it('many guests behind one address are refused past the per-address quota', async () => {
    const attacker = '127.0.0.2';
    const guests = await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        const signedIn = await callFrom<AuthResponse>(
          attacker,
          server.url,
          'POST',
          '/api/auth/guest',
          {
            body: { name: `Sock ${i}` },
          },
        );
        return signedIn.body;
      }),
    );
    const results = await Promise.all(
      guests.map((g) =>
        callFrom<ErrorBody>(attacker, server.url, 'POST', '/api/matches', {
          token: g.accessToken,
          body: CPU_ONLY,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(12);
    for (const refusal of results.filter((r) => r.status !== 200)) {
      expect(refusal).toMatchObject({
        status: 429,
        body: { code: 'QUOTA_EXCEEDED', details: { limit: 'activePerIp', max: 12 } },
      });
    }
    const fromAttacker = await server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM matches WHERE creator_ip = $1',
      [attacker],
    );
    expect(fromAttacker[0]?.n).toBe(12);
    // Another address is not affected.
    await playOneMatch();
  });

  it('a pair queueing again after every match sits in at most QUEUE_SEATED_PER_USER at once', async () => {
    const [ann, ben] = await Promise.all([guest(server.url, 'Ann'), guest(server.url, 'Ben')]);
    const queue = (token: string) =>
      new Promise<QueueServerMessage>((resolve) => {
        const socket = new WebSocket(
          `${server.url.replace(/^http/, 'ws')}/ws/matchmaking?token=${token}&game=secret-draw&mode=casual&seats=2`,
        );
        socket.on('message', (data) => {
          const message = JSON.parse(String(data)) as QueueServerMessage;
          if (message.type !== 'QUEUE_STATUS') resolve(message);
        });
      });
    // Matchmaking makes matches nobody created: only the seats they hold can count.
    for (let i = 0; i < 3; i++) {
      const [a, b] = await Promise.all([queue(ann.accessToken), queue(ben.accessToken)]);
      expect(a).toMatchObject({ type: 'QUEUE_MATCHED' });
      expect(b).toEqual(a);
    }
    for (const player of [ann, ben]) {
      expect(await queue(player.accessToken)).toMatchObject({
        type: 'ERROR',
        code: 'QUOTA_EXCEEDED',
        message: expect.stringMatching(/sit in 3 matches/),
        // The match socket's ERROR shape: what the limit is, as the HTTP refusal says it.
        details: { limit: 'queueSeatedPerUser', max: 3 },
      });
    }
    const seated = await server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM match_players WHERE user_id = $1',
      [ann.user.id],
    );
    expect(seated[0]?.n).toBe(3);
    expect(await refusals('queueSeatedPerUser')).toBe(2);
    // Hosting is counted apart: Ann, who hosts nothing, may still create a match (and sit in it).
    const hostedByAnn = await create(ann.accessToken, {
      game: 'secret-draw',
      seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'steady' }],
    });
    expect(hostedByAnn.status).toBe(200);
  });

  it("a guest sits at no more than JOINED_TABLES_PER_USER of others' waiting tables", async () => {
    // The hosts are another address's: the tables count against nobody's quota here.
    const hostAddress = '127.0.0.3';
    const hosts = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const signedIn = await callFrom<AuthResponse>(
          hostAddress,
          server.url,
          'POST',
          '/api/auth/guest',
          { body: { name: `Host ${i}` } },
        );
        return signedIn.body;
      }),
    );
    const tables = await Promise.all(
      hosts.map(async (host) => {
        const made = await callFrom<CreateMatchResponse>(
          hostAddress,
          server.url,
          'POST',
          '/api/matches',
          {
            token: host.accessToken,
            body: {
              game: 'secret-draw',
              seats: [{ kind: 'human' }, { kind: 'human' }, { kind: 'human' }],
            },
          },
        );
        return made.body;
      }),
    );
    const squatter = await guest(server.url, 'Squatter');
    const join = (code: string) =>
      call<JoinMatchResponse & ErrorBody>(server.url, 'POST', '/api/matches/join', {
        token: squatter.accessToken,
        body: { code },
      });
    const refusal = {
      status: 429,
      body: { code: 'QUOTA_EXCEEDED', details: { limit: 'joinedTablesPerUser', max: 2 } },
    };
    // Every table at once: each join is counted with its seat, so the burst cannot slip past.
    const burst = await Promise.all(tables.map((table) => join(table.code)));
    expect(burst.filter((r) => r.status === 200)).toHaveLength(2);
    for (const refused of burst.filter((r) => r.status !== 200)) {
      expect(refused).toMatchObject(refusal);
      expect(refused.body.message).toMatch(/already sit at 2 tables waiting for players/);
    }
    const seated = tables.filter((_, i) => burst[i]?.status === 200);
    const free = tables.filter((_, i) => burst[i]?.status !== 200);
    // A code no table has is refused alike: the limit tells nobody which codes exist.
    expect(await join('ZZZZZZ')).toMatchObject(refusal);
    // A join retried where the guest sits answers with the seat held.
    expect(await join(seated[0]!.code)).toMatchObject({ status: 200, body: { seat: 1 } });
    // Hosting is bounded apart: the guest may still open a table of their own.
    expect(
      (await create(squatter.accessToken, { game: 'secret-draw', seats: [{ kind: 'human' }] }))
        .status,
    ).toBe(200);
    // Leaving a table, or its host closing it, frees a place.
    await call(server.url, 'POST', `/api/matches/${seated[0]!.matchId}/leave`, {
      token: squatter.accessToken,
    });
    const closer = hosts[tables.indexOf(seated[1]!)]!;
    expect(
      (
        await callFrom(
          hostAddress,
          server.url,
          'POST',
          `/api/matches/${seated[1]!.matchId}/close`,
          {
            token: closer.accessToken,
          },
        )
      ).status,
    ).toBe(200);
    expect((await join(free[0]!.code)).status).toBe(200);
    expect((await join(free[1]!.code)).status).toBe(200);
    expect(await join(free[2]!.code)).toMatchObject(refusal);
    const sitting = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM match_players p JOIN matches m ON m.id = p.match_id
        WHERE p.user_id = $1 AND m.status = 'waiting' AND m.host_user_id <> $1`,
      [squatter.user.id],
    );
    expect(sitting[0]?.n).toBe(2);
    expect(await refusals('joinedTablesPerUser')).toBe(5);
  });

  /** Alice creates a two-person match, Bob joins by code, both play it to the end. */
  async function playOneMatch(): Promise<void> {
    const alice = await guest(server.url, 'Alice');
    const bob = await guest(server.url, 'Bob');
    const created = await create(alice.accessToken, {
      game: 'secret-draw',
      seats: [{ kind: 'human' }, { kind: 'human' }],
    });
    expect(created.status).toBe(200);
    const { code } = (
      await call<{ code: string }>(server.url, 'GET', `/api/matches/${created.body.matchId}`, {
        token: alice.accessToken,
      })
    ).body;
    // Alice watches from before the start, so she gets the LEGAL the start sends.
    const a = await RawClient.open(server.url, created.body.matchId, alice.accessToken);
    const joined = await call(server.url, 'POST', '/api/matches/join', {
      token: bob.accessToken,
      body: { code },
    });
    expect(joined.status).toBe(200);
    const b = await RawClient.open(server.url, created.body.matchId, bob.accessToken);
    const clients = [a, b];
    await Promise.all(clients.map((client) => playUntilOver(client)));
    const meta = await call<{ status: string }>(
      server.url,
      'GET',
      `/api/matches/${created.body.matchId}`,
      { token: alice.accessToken },
    );
    expect(meta.body.status).toBe('over');
    for (const client of clients) client.socket.close();
  }
});

describe('match quotas on two nodes of one PostgreSQL database', () => {
  it('a flood split between the nodes is admitted up to the quota once, not once per node', async () => {
    const nodeA = await startTestServer('postgres', {
      CPU_THINK_MS: '600000',
      MATCH_ACTIVE_PER_USER: '4',
      MATCH_CREATE_PER_USER: '100',
    });
    const nodeB = await startServer(configFrom(nodeA.env), testGames);
    try {
      const mallory = await guest(nodeA.url, 'Mallory');
      const flood = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          call(i % 2 === 0 ? nodeA.url : nodeB.url, 'POST', '/api/matches', {
            token: mallory.accessToken,
            body: CPU_ONLY,
          }),
        ),
      );
      expect(flood.filter((r) => r.status === 200)).toHaveLength(4);
      const hosted = await nodeA.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM matches WHERE host_user_id = $1',
        [mallory.user.id],
      );
      expect(hosted[0]?.n).toBe(4);
    } finally {
      await nodeB.close();
      await nodeA.close();
    }
  }, 120_000);
});
