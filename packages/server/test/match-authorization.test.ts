import { verifyReplay, type ReplayFile } from '@cardtable/engine';
import type { AuthResponse, MatchMetadata } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.ts';
import { secretDraw } from './fixtures/secret-draw.ts';
import { account, GOOD_PASSWORD, login, until } from './helpers/accounts.ts';
import { ChatSocket } from './helpers/chat-socket.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { startTestServer, type StoreKind } from './helpers/server.ts';
import { playUntilOver, RawClient } from './helpers/socket-client.ts';

type Role = 'host' | 'player' | 'spectator' | 'stranger';
const ADMIN_PASSWORD = 'admin secret 4 authorization';
const ROLES: Role[] = ['host', 'player', 'spectator', 'stranger'];

/** A route and the status each role gets (a request that changes nothing for anyone refused). */
interface RouteCase {
  method: 'GET' | 'POST';
  path: (matchId: string) => string;
  expect: Record<Role, number>;
}

describe.each<StoreKind>(['embedded', 'postgres'])('match authorization (%s)', (store) => {
  let server: RunningServer;
  let host: AuthResponse;
  let player: AuthResponse;
  let spectator: AuthResponse;
  const token = (role: Role) =>
    role === 'stranger' ? undefined : { host, player, spectator }[role].accessToken;
  beforeAll(async () => {
    server = await startTestServer(store, {
      METRICS_TOKEN: 'metrics-secret-for-tests',
      ADMIN_USERNAME: 'root',
      ADMIN_EMAIL: 'root@example.com',
      ADMIN_PASSWORD: ADMIN_PASSWORD,
      RATE_AUTH_IP_PER_MIN: '10000',
      SIGNUPS_PER_IP_PER_HOUR: '10000',
    });
    [host, player, spectator] = await Promise.all([
      guest(server.url, 'Hana'),
      guest(server.url, 'Pia'),
      guest(server.url, 'Sam'),
    ]);
  });
  afterAll(async () => server?.close());

  /** A match of `seats` humans the player joined (and a spectator watches). */
  async function match(
    seats: number,
    extra: { replayPrivacy?: 'link'; approveJoins?: boolean } = {},
  ) {
    const created = await createMatch(server.url, host.accessToken, {
      game: 'secret-draw',
      options: { draws: 1 },
      seats: Array.from({ length: seats }, () => ({ kind: 'human' as const })),
      ...extra,
    });
    const joined = await call(server.url, 'POST', '/api/matches/join', {
      token: player.accessToken,
      body: { code: created.code },
    });
    expect(joined.status).toBe(200);
    return created.matchId;
  }

  async function check(matchId: string, cases: RouteCase[]) {
    for (const route of cases) {
      for (const role of ROLES) {
        const response = await call(server.url, route.method, route.path(matchId), {
          token: token(role),
        });
        expect({ route: route.path('M'), role, status: response.status }).toEqual({
          route: route.path('M'),
          role,
          status: route.expect[role],
        });
      }
    }
  }

  /** Every route about a match, each as someone who may not see it would try it. */
  const routes: [method: 'GET' | 'POST', path: string, body?: unknown][] = [
    ['GET', ''],
    ['GET', '/state'],
    ['GET', '/export'],
    ['GET', '/chat'],
    ['GET', '/art'],
    ['POST', '/rematch'],
    ['POST', '/start'],
    ['POST', '/close'],
    ['POST', '/leave'],
    ['POST', '/surrender'],
    ['POST', '/stops', { stops: [] }],
    ['POST', '/ready', { ready: true }],
    ['POST', '/seats/1/approve'],
    ['POST', '/seats/1/remove'],
  ];
  const ask = (id: string, [method, path, body]: (typeof routes)[number], as: string, query = '') =>
    call(server.url, method, `/api/matches/${id}${path}${query}`, { token: as, body });
  const UNKNOWN = 'm_nothing_here_at_all';

  /**
   * `as` is answered about `matchId` exactly as about an id that names nothing: every route
   * (with `link`, the routes that read), the match socket and the chat socket.
   */
  async function expectNoSuchMatch(matchId: string, as: string, link?: string) {
    const query = link ? `?link=${encodeURIComponent(link)}` : '';
    for (const route of link ? routes.filter(([method]) => method === 'GET') : routes) {
      const [hidden, none] = await Promise.all([
        ask(matchId, route, as, query),
        ask(UNKNOWN, route, as, query),
      ]);
      expect({ route: route[1], status: hidden.status, body: hidden.body }).toEqual({
        route: route[1],
        status: 404,
        body: none.body,
      });
    }
    const sockets = await Promise.all(
      [matchId, UNKNOWN].map(async (id) => {
        const client = await RawClient.open(server.url, id, as, {
          waitWelcome: false,
          ...(link ? { link } : {}),
        });
        const error = await client.next('ERROR');
        await until(() => client.closed !== null);
        return { error, close: client.closed?.code };
      }),
    );
    expect(sockets[0]).toEqual(sockets[1]);
    expect(sockets[0]).toMatchObject({ error: { code: 'NOT_FOUND' }, close: 4404 });
    const chats = await Promise.all(
      [matchId, UNKNOWN].map(async (id) => {
        const chat = await ChatSocket.open(server.url, as, `match:${id}`, link ? { link } : {});
        await until(() => chat.closed !== null);
        return { error: chat.error, close: chat.closed };
      }),
    );
    expect(chats[0]).toEqual(chats[1]);
    expect(chats[0]).toMatchObject({ error: { code: 'NOT_FOUND' }, close: 4404 });
  }

  const read = { host: 200, player: 200, spectator: 200, stranger: 401 };
  const hostOnly = { host: 200, player: 403, spectator: 403, stranger: 401 };

  it('before the start: everyone signed in reads; only the host starts, approves or removes', async () => {
    const matchId = await match(3, { approveJoins: true });
    const pending = await call<MatchMetadata>(server.url, 'GET', `/api/matches/${matchId}`, {
      token: host.accessToken,
    });
    expect(pending.body.seats[1]).toMatchObject({ taken: true, pending: true });
    // The host refuses nothing yet: these are the others' refusals (the host's come after).
    const refusedForOthers = { ...hostOnly, host: -1 };
    await check(matchId, [
      { method: 'GET', path: (id) => `/api/matches/${id}`, expect: read },
      { method: 'GET', path: (id) => `/api/matches/${id}/state`, expect: read },
    ]);
    for (const path of ['start', 'seats/1/approve', 'seats/1/remove']) {
      for (const role of ['player', 'spectator', 'stranger'] as const) {
        const response = await call(server.url, 'POST', `/api/matches/${matchId}/${path}`, {
          token: token(role),
        });
        expect({ path, role, status: response.status }).toEqual({
          path,
          role,
          status: refusedForOthers[role],
        });
      }
    }
    // A pending seat holds the start back; the host approves, then removes.
    expect(
      (await call(server.url, 'POST', `/api/matches/${matchId}/start`, { token: host.accessToken }))
        .status,
    ).toBe(409);
    const approved = await call<MatchMetadata>(
      server.url,
      'POST',
      `/api/matches/${matchId}/seats/1/approve`,
      { token: host.accessToken },
    );
    expect(approved.body.seats[1]?.pending).toBeUndefined();
    const removed = await call<MatchMetadata>(
      server.url,
      'POST',
      `/api/matches/${matchId}/seats/1/remove`,
      { token: host.accessToken },
    );
    expect(removed.body.seats[1]).toMatchObject({ taken: false });
    // Removed: the code no longer lets her in.
    const code = (removed.body as { code?: string }).code as string;
    const again = await call(server.url, 'POST', '/api/matches/join', {
      token: player.accessToken,
      body: { code },
    });
    expect(again.status).toBe(404);
    // The host cannot remove themself, nor a free seat.
    for (const seat of [0, 1]) {
      const response = await call(
        server.url,
        'POST',
        `/api/matches/${matchId}/seats/${seat}/remove`,
        {
          token: host.accessToken,
        },
      );
      expect(response.status).toBe(404);
    }
  });

  it('in play: only players act, resign or export; spectators read; strangers nothing', async () => {
    const matchId = await match(2);
    await check(matchId, [
      { method: 'GET', path: (id) => `/api/matches/${id}`, expect: read },
      { method: 'GET', path: (id) => `/api/matches/${id}/state`, expect: read },
      {
        method: 'GET',
        path: (id) => `/api/matches/${id}/export`,
        expect: { host: 200, player: 200, spectator: 403, stranger: 401 },
      },
      {
        method: 'POST',
        path: (id) => `/api/matches/${id}/start`,
        expect: { host: 409, player: 403, spectator: 403, stranger: 401 },
      },
      {
        method: 'POST',
        path: (id) => `/api/matches/${id}/close`,
        expect: { host: 409, player: 403, spectator: 403, stranger: 401 },
      },
    ]);
    for (const path of ['leave', 'surrender']) {
      for (const role of ['spectator', 'stranger'] as const) {
        const response = await call(server.url, 'POST', `/api/matches/${matchId}/${path}`, {
          token: token(role),
        });
        expect({ path, role, status: response.status }).toEqual({
          path,
          role,
          status: role === 'stranger' ? 401 : 403,
        });
      }
    }

    // Over the socket: the host (to move) acts, the other player is refused by the rules, the
    // spectator may not act at all, and a stranger is not let in.
    const [h, p, s] = await Promise.all([
      RawClient.open(server.url, matchId, host.accessToken),
      RawClient.open(server.url, matchId, player.accessToken),
      RawClient.open(server.url, matchId, spectator.accessToken),
    ]);
    expect(await p.act('draw')).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_TURN' } });
    expect(await s.act('draw')).toMatchObject({ ok: false, error: { code: 'NOT_A_PLAYER' } });
    expect(await h.act('draw')).toMatchObject({ ok: true });
    const stranger = await RawClient.open(server.url, matchId, null, { waitWelcome: false });
    stranger.send({ type: 'ACTION', action: { actionId: 'x', type: 'draw', clientSeq: 0 } });
    expect(await stranger.next('ACTION_RESULT')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    await Promise.all([h, p, s, stranger].map((client) => client.close()));
  });

  it('a finished match exports to its players, and to others only with its link', async () => {
    for (const privacy of ['private', 'link'] as const) {
      const matchId = await match(2, privacy === 'link' ? { replayPrivacy: 'link' } : {});
      await call(server.url, 'POST', `/api/matches/${matchId}/surrender`, {
        token: player.accessToken,
      });
      const meta = await call<MatchMetadata>(server.url, 'GET', `/api/matches/${matchId}`, {
        token: host.accessToken,
      });
      expect(meta.body.status).toBe('over');
      expect(meta.body.replayPrivacy).toBe(privacy);
      const link = meta.body.replayLink;
      expect(link === undefined).toBe(privacy === 'private');
      // Someone else finds the finished match only with its link, and never sees the link.
      const seen = await call<MatchMetadata>(
        server.url,
        'GET',
        `/api/matches/${matchId}${link ? `?link=${encodeURIComponent(link)}` : ''}`,
        { token: spectator.accessToken },
      );
      expect(seen.status).toBe(link ? 200 : 404);
      expect(seen.body.replayLink).toBeUndefined();
      await check(matchId, [
        {
          method: 'GET',
          path: (id) => `/api/matches/${id}/export`,
          expect: { host: 200, player: 200, spectator: 404, stranger: 401 },
        },
        {
          method: 'GET',
          path: (id) => `/api/matches/${id}/export?link=not-the-link-000000000000000000000`,
          expect: { host: 200, player: 200, spectator: 404, stranger: 401 },
        },
      ]);
      if (link) {
        const shared = await call<ReplayFile>(
          server.url,
          'GET',
          `/api/matches/${matchId}/export?link=${encodeURIComponent(link)}`,
          { token: spectator.accessToken },
        );
        expect(shared.status).toBe(200);
        expect(verifyReplay(secretDraw, shared.body)).toMatchObject({ ok: true });
      }
    }
  });

  it("a finished private match is its players' and moderators': to anyone else, every route and socket answers as for no match", async () => {
    const matchId = await match(2);
    await call(server.url, 'POST', `/api/matches/${matchId}/surrender`, {
      token: player.accessToken,
    });
    // Every route and both sockets: the same refusal (and close code) as an id naming nothing.
    await expectNoSuchMatch(matchId, spectator.accessToken);

    // Its players see it; so do an admin and a moderator (whose demotion counts at once).
    for (const who of [host, player]) {
      expect((await ask(matchId, routes[0]!, who.accessToken)).status).toBe(200);
    }
    const root = (await login(server.url, 'root', ADMIN_PASSWORD)).body;
    const modAccount = await account(server.url, `mod_${store}`);
    const promoted = await call(server.url, 'PUT', `/api/admin/users/${modAccount.user.id}/role`, {
      token: root.accessToken,
      body: { role: 'moderator' },
    });
    expect(promoted.status).toBe(200);
    const moderator = (await login(server.url, `mod_${store}`, GOOD_PASSWORD)).body;
    for (const staff of [root, moderator]) {
      for (const route of routes.slice(0, 4)) {
        const seen = await ask(matchId, route, staff.accessToken);
        expect({ route: route[1], status: seen.status }).toEqual({ route: route[1], status: 200 });
      }
      const watching = await RawClient.open(server.url, matchId, staff.accessToken);
      expect(watching.received.find((m) => m.type === 'WELCOME')).toMatchObject({
        role: 'spectator',
        status: 'over',
      });
      await watching.close();
    }
    await call(server.url, 'PUT', `/api/admin/users/${modAccount.user.id}/role`, {
      token: root.accessToken,
      body: { role: 'player' },
    });
    expect((await ask(matchId, routes[0]!, moderator.accessToken)).status).toBe(404);

    // While a match is live its id is the link for spectators: anyone signed in watches.
    const live = await match(2);
    expect((await ask(live, routes[0]!, spectator.accessToken)).status).toBe(200);
  });

  it('a user the host removed finds no such match, before the start, in play and once over, link or not; others with its id watch', async () => {
    const removed = await guest(server.url, 'Bea');
    const created = await createMatch(server.url, host.accessToken, {
      game: 'secret-draw',
      options: { draws: 1 },
      seats: [{ kind: 'human' }, { kind: 'human' }],
      replayPrivacy: 'link',
      approveJoins: true,
    });
    const { matchId, code } = created;
    const joinAs = (who: AuthResponse) =>
      call(server.url, 'POST', '/api/matches/join', { token: who.accessToken, body: { code } });
    expect((await joinAs(removed)).status).toBe(200);
    const hosting = (path: string) =>
      call<MatchMetadata>(server.url, 'POST', `/api/matches/${matchId}${path}`, {
        token: host.accessToken,
      });
    const chatting = await ChatSocket.open(server.url, removed.accessToken, `match:${matchId}`);
    expect(chatting.welcome).not.toBeNull();
    expect((await hosting('/seats/1/remove')).status).toBe(200);
    // A chat socket opened before is let go of too (it read the players' channel on).
    await until(() => chatting.closed !== null);
    expect({ error: chatting.error, close: chatting.closed }).toMatchObject({
      error: { code: 'NOT_FOUND' },
      close: 4404,
    });
    const seen = async (who: AuthResponse, query = '') =>
      (await ask(matchId, routes[0]!, who.accessToken, query)).status;

    // Waiting: the id is still the spectators' link for everyone else.
    await expectNoSuchMatch(matchId, removed.accessToken);
    expect(await seen(spectator)).toBe(200);

    expect((await joinAs(player)).status).toBe(200);
    expect((await hosting('/seats/1/approve')).body.status).toBe('active');
    await expectNoSuchMatch(matchId, removed.accessToken);
    expect(await seen(spectator)).toBe(200);
    const watching = await RawClient.open(server.url, matchId, spectator.accessToken);
    expect(watching.received[0]).toMatchObject({ type: 'WELCOME', role: 'spectator' });
    await watching.close();

    await call(server.url, 'POST', `/api/matches/${matchId}/surrender`, {
      token: player.accessToken,
    });
    const over = await call<MatchMetadata>(server.url, 'GET', `/api/matches/${matchId}`, {
      token: host.accessToken,
    });
    expect(over.body.status).toBe('over');
    const link = over.body.replayLink!;
    // Its replay link, passed on to her, opens nothing either; to others it opens the replay.
    await expectNoSuchMatch(matchId, removed.accessToken);
    await expectNoSuchMatch(matchId, removed.accessToken, link);
    expect(await seen(spectator, `?link=${encodeURIComponent(link)}`)).toBe(200);
  });

  it('a surrender concedes only its own seat: the others play on, and it is placed last', async () => {
    const third = await guest(server.url, 'Tio');
    const matchId = await match(3);
    const meta = await call<MatchMetadata>(server.url, 'GET', `/api/matches/${matchId}`, {
      token: host.accessToken,
    });
    await call(server.url, 'POST', '/api/matches/join', {
      token: third.accessToken,
      body: { code: meta.body.code },
    });
    const [h, p, t] = await Promise.all([
      RawClient.open(server.url, matchId, host.accessToken),
      RawClient.open(server.url, matchId, player.accessToken),
      RawClient.open(server.url, matchId, third.accessToken),
    ]);
    const conceded = await call<MatchMetadata>(
      server.url,
      'POST',
      `/api/matches/${matchId}/surrender`,
      { token: player.accessToken },
    );
    expect(conceded.status).toBe(200);
    expect(conceded.body.status).toBe('active');
    expect(conceded.body.seats[1]).toMatchObject({ surrendered: true });
    // Her seat may not act any more; the two others play to the end (hers is played for her).
    expect(await p.act('stand')).toMatchObject({ ok: false, error: { code: 'NOT_A_PLAYER' } });
    await Promise.all([playUntilOver(h), playUntilOver(t)]);
    const over = await call<MatchMetadata>(server.url, 'GET', `/api/matches/${matchId}`, {
      token: host.accessToken,
    });
    expect(over.body.status).toBe('over');
    const result = over.body.result!;
    expect(result.conceded).toEqual([1]);
    expect(result.winners).not.toContain(1);
    expect(result.standings.find((s) => s.seat === 1)?.place).toBe(3);
    const exported = await call<ReplayFile>(server.url, 'GET', `/api/matches/${matchId}/export`, {
      token: host.accessToken,
    });
    expect(verifyReplay(secretDraw, exported.body)).toMatchObject({ ok: true, ending: 'rules' });
    await Promise.all([h, p, t].map((client) => client.close()));
  });

  it('a rematch offer repeated while the rematch is being made answers its id, never null', async () => {
    const matchId = await match(2);
    await call(server.url, 'POST', `/api/matches/${matchId}/surrender`, {
      token: player.accessToken,
    });
    const offer = (role: 'host' | 'player') =>
      call<{ rematchId: string | null }>(server.url, 'POST', `/api/matches/${matchId}/rematch`, {
        token: token(role),
      });
    // The host offers: the player has yet to agree, so there is no rematch yet.
    expect((await offer('host')).body.rematchId).toBeNull();
    // Making the rematch is held at its first read until both repeat their offers meanwhile.
    const pinned = server.content.store;
    const read = pinned.matchContent.bind(pinned);
    let reached = () => undefined as void;
    const held = new Promise<void>((resolve) => (reached = resolve));
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    pinned.matchContent = async (id: string) => {
      if (id === matchId) {
        reached();
        await gate;
      }
      return read(id);
    };
    try {
      const accepted = offer('player');
      await held;
      const repeated = [offer('host'), offer('player'), offer('host')];
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      const answers = await Promise.all([accepted, ...repeated]);
      const rematchId = answers[0]!.body.rematchId;
      expect(rematchId).toMatch(/^m_/);
      expect(answers.map((a) => ({ status: a.status, rematchId: a.body.rematchId }))).toEqual(
        answers.map(() => ({ status: 200, rematchId })),
      );
      const meta = await call<MatchMetadata>(server.url, 'GET', `/api/matches/${matchId}`, {
        token: host.accessToken,
      });
      expect(meta.body.rematchId).toBe(rematchId);
    } finally {
      pinned.matchContent = read;
    }
  });

  it('/metrics asks for its token', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/metrics`, {
      headers: { authorization: 'Bearer metrics-secret-for-tesTS' },
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${server.url}/metrics`, {
      headers: { authorization: 'Bearer metrics-secret-for-tests' },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('process_cpu_seconds_total');
  });
});
