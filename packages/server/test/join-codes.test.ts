import type { AuthResponse } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { startTestServer } from './helpers/server.ts';

describe('room codes reveal nothing, expire at the start, and are rate-limited', () => {
  let server: RunningServer;
  let alice: AuthResponse;
  let bob: AuthResponse;
  let mallory: AuthResponse;
  /** The work each join does: code lookups and match loads. */
  const work = { lookups: 0, loads: 0 };

  beforeAll(async () => {
    server = await startTestServer('postgres', {
      RATE_JOIN_PER_MIN: '1000',
      RATE_JOIN_IP_PER_MIN: '1000',
    });
    [alice, bob, mallory] = (await Promise.all(
      ['Alice', 'Bob', 'Mallory'].map((name) => guest(server.url, name)),
    )) as [AuthResponse, AuthResponse, AuthResponse];
    const { store, registry } = server;
    const lookup = store.waitingMatchIdByCode.bind(store);
    store.waitingMatchIdByCode = (code, userId) => (work.lookups++, lookup(code, userId));
    const load = registry.get.bind(registry);
    registry.get = (id) => (work.loads++, load(id));
  });
  afterAll(async () => server?.close());

  const join = async (token: string, code: string) => {
    work.lookups = 0;
    work.loads = 0;
    const reply = await call<{ code: string; message: string }>(
      server.url,
      'POST',
      '/api/matches/join',
      { token, body: { code } },
    );
    return { ...reply, work: { ...work } };
  };
  const twoSeats = () =>
    createMatch(server.url, alice.accessToken, {
      game: 'secret-draw',
      seats: [{ kind: 'human' }, { kind: 'human' }],
    });

  it('answers an unknown, a started and a finished match the same way, with the same work', async () => {
    const unknown = await join(mallory.accessToken, 'ZZZZZZ');

    const started = await twoSeats();
    expect(await join(bob.accessToken, started.code)).toMatchObject({
      status: 200,
      body: { matchId: started.matchId, seat: 1 },
    });
    const afterStart = await join(mallory.accessToken, started.code);

    const finished = await twoSeats();
    await join(bob.accessToken, finished.code);
    await call(server.url, 'POST', `/api/matches/${finished.matchId}/surrender`, {
      token: alice.accessToken,
    });
    const afterEnd = await join(mallory.accessToken, finished.code);

    expect(unknown).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
      work: { lookups: 1, loads: 0 },
    });
    for (const reply of [afterStart, afterEnd]) expect(reply).toEqual(unknown);
    // Its own players still get their seat back until it is over: a retried join (whose first
    // try filled the table and started it, but whose answer was lost) must not fail.
    expect(await join(bob.accessToken, started.code)).toMatchObject({
      status: 200,
      body: { matchId: started.matchId, seat: 1 },
      work: { lookups: 1 },
    });
    expect(await join(bob.accessToken, finished.code)).toEqual(unknown);
  });

  it('lets people into a waiting match by its code, case and spaces aside', async () => {
    const waiting = await twoSeats();
    const reply = await join(bob.accessToken, ` ${waiting.code.toLowerCase()} `);
    expect(reply).toMatchObject({ status: 200, body: { matchId: waiting.matchId, seat: 1 } });
  });

  it('limits attempts per user and per address', async () => {
    const limited = await startTestServer('postgres', {
      RATE_JOIN_PER_MIN: '3',
      RATE_JOIN_IP_PER_MIN: '6',
    });
    try {
      const users = await Promise.all(
        ['U1', 'U2', 'U3', 'U4'].map((name) => guest(limited.url, name)),
      );
      const attempt = async (user: AuthResponse) =>
        (
          await call<{ code: string }>(limited.url, 'POST', '/api/matches/join', {
            token: user.accessToken,
            body: { code: 'QQQQQQ' },
          })
        ).body.code;
      const [first, second, third, fourth] = users as [
        AuthResponse,
        AuthResponse,
        AuthResponse,
        AuthResponse,
      ];
      // One user: three guesses, then refused, while others on the address still may guess.
      expect([await attempt(first), await attempt(first), await attempt(first)]).toEqual([
        'NOT_FOUND',
        'NOT_FOUND',
        'NOT_FOUND',
      ]);
      expect(await attempt(first)).toBe('RATE_LIMITED');
      expect(await attempt(second)).toBe('NOT_FOUND');
      // The address: six attempts in all, whoever makes them.
      expect(await attempt(third)).toBe('NOT_FOUND');
      expect(await attempt(fourth)).toBe('RATE_LIMITED');
      const refused = await call<{ code: string }>(limited.url, 'POST', '/api/matches/join', {
        token: fourth.accessToken,
        body: { code: 'QQQQQQ' },
      });
      expect(refused).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    } finally {
      await limited.close();
    }
  });
});
