import { describe, expect, it } from 'vitest';
import { CardtableApi } from '../src/http.ts';
import type { AuthResponse } from '../src/protocol.ts';

interface Call {
  method: string;
  path: string;
  authorization: string | null;
  body: unknown;
}

/** A fetch that records each request and answers from a script keyed by "METHOD /path". */
function scriptedFetch(
  script: (call: Call, calls: Call[]) => { status: number; body?: unknown } | 'network-down',
) {
  const calls: Call[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    const call: Call = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      authorization: headers.get('authorization'),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    calls.push(call);
    const answer = script(call, calls);
    if (answer === 'network-down') throw new TypeError('fetch failed');
    return new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), {
      status: answer.status,
    });
  };
  return { calls, fetchImpl };
}

const session = (n: number, expiresAt: number): AuthResponse => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  accessTokenExpiresAt: new Date(expiresAt).toISOString(),
  user: { id: 'u1', name: 'Ann', guest: true },
});

const NOW = 1_700_000_000_000;

describe('CardtableApi', () => {
  it('signs in as a guest and sends the access token on later requests', async () => {
    const saved: (AuthResponse | null)[] = [];
    const { calls, fetchImpl } = scriptedFetch((call) =>
      call.path === '/api/auth/guest'
        ? { status: 200, body: session(1, NOW + 600_000) }
        : { status: 200, body: { matchId: 'm1', code: 'ABCD', seat: 0 } },
    );
    const api = new CardtableApi({
      baseUrl: 'http://server',
      fetch: fetchImpl,
      now: () => NOW,
      onSession: (s) => saved.push(s),
    });
    expect((await api.guest('Ann')).ok).toBe(true);
    const created = await api.createMatch({ game: 'golf', seats: [{ kind: 'human' }] });
    expect(created).toEqual({ ok: true, value: { matchId: 'm1', code: 'ABCD', seat: 0 } });
    expect(calls[0]).toMatchObject({ method: 'POST', authorization: null, body: { name: 'Ann' } });
    expect(calls[1]).toMatchObject({ path: '/api/matches', authorization: 'Bearer access-1' });
    expect(saved.map((s) => s?.accessToken)).toEqual(['access-1']);
  });

  it('refreshes a token about to expire before using it, once for concurrent callers', async () => {
    const { calls, fetchImpl } = scriptedFetch((call) =>
      call.path === '/api/auth/refresh'
        ? { status: 200, body: session(2, NOW + 600_000) }
        : { status: 200, body: {} },
    );
    const api = new CardtableApi({
      baseUrl: 'http://server',
      fetch: fetchImpl,
      now: () => NOW,
      session: session(1, NOW + 5_000),
    });
    await Promise.all([api.getMatch('m1'), api.getState('m1')]);
    expect(calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(1);
    expect(calls.find((c) => c.path === '/api/auth/refresh')?.body).toEqual({
      refreshToken: 'refresh-1',
    });
    expect(
      calls.filter((c) => c.path.startsWith('/api/matches')).map((c) => c.authorization),
    ).toEqual(['Bearer access-2', 'Bearer access-2']);
  });

  it('retries once with a fresh token after a 401', async () => {
    const { calls, fetchImpl } = scriptedFetch((call) => {
      if (call.path === '/api/auth/refresh')
        return { status: 200, body: session(2, NOW + 600_000) };
      return call.authorization === 'Bearer access-1'
        ? { status: 401, body: { code: 'UNAUTHORIZED', message: 'Token revoked.' } }
        : { status: 200, body: { matches: [] } };
    });
    const api = new CardtableApi({
      baseUrl: 'http://server',
      fetch: fetchImpl,
      now: () => NOW,
      session: session(1, NOW + 600_000),
    });
    expect(await api.myMatches()).toEqual({ ok: true, value: { matches: [] } });
    expect(calls.map((c) => c.path)).toEqual([
      '/api/me/matches',
      '/api/auth/refresh',
      '/api/me/matches',
    ]);
  });

  it('turns failures into typed errors', async () => {
    let answer: ReturnType<Parameters<typeof scriptedFetch>[0]> = 'network-down';
    const { fetchImpl } = scriptedFetch(() => answer);
    const api = new CardtableApi({
      baseUrl: 'http://server',
      fetch: fetchImpl,
      now: () => NOW,
      session: session(1, NOW + 600_000),
    });
    expect(await api.joinMatch('ABCD')).toMatchObject({
      ok: false,
      error: { code: 'NETWORK_ERROR' },
    });
    answer = {
      status: 400,
      body: {
        error: {
          code: 'BAD_REQUEST',
          message: 'Unknown option "holes".',
          details: { option: 'holes' },
        },
      },
    };
    expect(await api.joinMatch('ABCD')).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'Unknown option "holes".',
        status: 400,
        details: { option: 'holes' },
      },
    });
    answer = { status: 502 };
    expect(await api.joinMatch('ABCD')).toMatchObject({
      ok: false,
      error: { code: 'BAD_RESPONSE', status: 502 },
    });
    expect(
      await new CardtableApi({ baseUrl: 'http://server', fetch: fetchImpl }).getMatch('m1'),
    ).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
  });

  it('speaks the content API: each route with its method, path and body', async () => {
    const { calls, fetchImpl } = scriptedFetch(() => ({ status: 200, body: {} }));
    const api = new CardtableApi({
      baseUrl: 'http://server',
      session: session(1, NOW + 600_000),
      fetch: fetchImpl,
      now: () => NOW,
    });
    const files = { files: { 'ruleset.json': '{}', 'art/x.png': { base64: 'AA==' } } };
    await api.listGames();
    await api.myGames();
    await api.createGame({ slug: 'reef war', name: 'Reef' });
    await api.getGame('reef/war');
    await api.putDraft('reef', files);
    await api.validateDraft('reef');
    await api.publish('reef');
    await api.getVersion('reef', 2);
    await api.deprecate('reef', 2);
    await api.setBanlist('reef', 2, { cards: ['reef/x'] });
    await api.savePosition('reef', { matchId: 'm1', name: 'Early board' });
    await api.listPositions('reef');
    await api.getPosition('reef', 'Early board');
    await api.deletePosition('reef', 'Early board');
    await api.matchArt('m1');
    await api.undeprecate('reef', 2);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/games',
      'GET /api/content/games/mine',
      'POST /api/content/games',
      'GET /api/content/games/reef%2Fwar',
      'PUT /api/content/games/reef/draft',
      'POST /api/content/games/reef/validate',
      'POST /api/content/games/reef/publish',
      'GET /api/content/games/reef/versions/2',
      'POST /api/content/games/reef/versions/2/deprecate',
      'PUT /api/content/games/reef/versions/2/banlist',
      'POST /api/content/games/reef/positions',
      'GET /api/content/games/reef/positions',
      'GET /api/content/games/reef/positions/Early%20board',
      'DELETE /api/content/games/reef/positions/Early%20board',
      'GET /api/matches/m1/art',
      'DELETE /api/content/games/reef/versions/2/deprecate',
    ]);
    expect(calls[4]!.body).toEqual(files);
    expect(calls[9]!.body).toEqual({ cards: ['reef/x'] });
    expect(calls[10]!.body).toEqual({ matchId: 'm1', name: 'Early board' });
    expect(calls.every((c) => c.authorization === 'Bearer access-1')).toBe(true);
  });
});
