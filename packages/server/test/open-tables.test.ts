import type {
  AuthResponse,
  ErrorBody,
  JoinMatchResponse,
  MatchMetadata,
} from '@cardtable/sdk/protocol';
import type { OpenTableList, QueueServerMessage } from '@cardtable/sdk/social';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { RunningServer } from '../src/app.ts';
import { defaultGames } from '../src/default-games.ts';
import { account } from './helpers/accounts.ts';
import { publishGame, tidepoolPackage } from './helpers/content.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { startTestServer, type StoreKind } from './helpers/server.ts';
import { RawClient } from './helpers/socket-client.ts';

const human = { kind: 'human' as const };
const me = (token: string) => ({ token });

describe.each<StoreKind>(['embedded', 'postgres'])('open tables on %s', (store) => {
  let server: RunningServer;
  let ana: AuthResponse;
  let ben: AuthResponse;
  let cy: AuthResponse;
  let dee: AuthResponse;
  const list = async (token: string, query = 'game=golf') =>
    (await call<OpenTableList>(server.url, 'GET', `/api/tables?${query}`, me(token))).body;
  const join = (token: string, matchId: string) =>
    call<JoinMatchResponse & ErrorBody>(
      server.url,
      'POST',
      `/api/tables/${matchId}/join`,
      me(token),
    );
  const ready = (token: string, matchId: string, value = true) =>
    call<MatchMetadata & ErrorBody>(server.url, 'POST', `/api/matches/${matchId}/ready`, {
      token,
      body: { ready: value },
    });
  const meta = async (token: string, matchId: string) =>
    (await call<MatchMetadata>(server.url, 'GET', `/api/matches/${matchId}`, me(token))).body;
  const leave = (token: string, matchId: string) =>
    call<MatchMetadata & ErrorBody>(server.url, 'POST', `/api/matches/${matchId}/leave`, me(token));
  const close = (token: string, matchId: string) =>
    call<MatchMetadata & ErrorBody>(server.url, 'POST', `/api/matches/${matchId}/close`, me(token));
  const joinByCode = (token: string, code: string) =>
    call<JoinMatchResponse & ErrorBody>(server.url, 'POST', '/api/matches/join', {
      token,
      body: { code },
    });

  beforeAll(async () => {
    server = await startTestServer(
      store,
      {
        RATE_AUTH_IP_PER_MIN: '10000',
        SIGNUPS_PER_IP_PER_HOUR: '10000',
        MATCHMAKING_TICK_MS: '50',
        QUEUE_STATUS_MS: '100',
        SOCIAL_PROJECTION_POLL_MS: '600000',
      },
      await defaultGames(),
    );
    ana = await account(server.url, `ana_${store}`);
    ben = await guest(server.url, 'Ben');
    cy = await account(server.url, `cy_${store}`);
    dee = await guest(server.url, 'Dee');
  }, 60_000);
  afterAll(async () => server?.close());

  it('lists public tables with seats, rules in words and host; joins with one click', async () => {
    const open = await createMatch(server.url, ana.accessToken, {
      game: 'golf',
      seats: [human, human, human],
      options: { superKings: true, rounds: 3 },
      listed: true,
    });
    const hidden = await createMatch(server.url, ana.accessToken, {
      game: 'golf',
      seats: [human, human],
    });
    const before = await list(ben.accessToken);
    expect(before.tables.map((t) => t.matchId)).toContain(open.matchId);
    expect(before.tables.map((t) => t.matchId)).not.toContain(hidden.matchId);
    expect(before.tables.find((t) => t.matchId === open.matchId)).toMatchObject({
      game: 'golf',
      version: '1.0.0',
      host: ana.user.name,
      seats: 3,
      free: 2,
      players: [ana.user.name],
      rules: ['3 holes', '1 deck', 'Super Kings'],
      rated: false,
    });
    const joined = await join(ben.accessToken, open.matchId);
    expect(joined).toMatchObject({ status: 200, body: { matchId: open.matchId, seat: 1 } });
    // A second click answers with the seat already held.
    expect((await join(ben.accessToken, open.matchId)).body.seat).toBe(1);
    const after = (await list(dee.accessToken)).tables.find((t) => t.matchId === open.matchId);
    expect(after).toMatchObject({ free: 1, players: [ana.user.name, 'Ben'] });
    // A private table's id is not a way in.
    expect((await join(dee.accessToken, hidden.matchId)).status).toBe(404);
    await leave(ana.accessToken, hidden.matchId);
    // A host who leaves closes the table: off the list, and over for Ben too.
    expect((await leave(ana.accessToken, open.matchId)).body).toMatchObject({
      status: 'over',
      result: { reason: 'closed' },
    });
    expect((await list(dee.accessToken)).tables.map((t) => t.matchId)).not.toContain(open.matchId);
    expect((await meta(ben.accessToken, open.matchId)).status).toBe('over');
    await leave(ben.accessToken, open.matchId);
  });

  it('a table whose host removed you is gone for you: not listed, no way in by its id', async () => {
    const table = await createMatch(server.url, ana.accessToken, {
      game: 'golf',
      seats: [human, human, human],
      listed: true,
    });
    const joined = await join(dee.accessToken, table.matchId);
    expect(joined.status).toBe(200);
    const removed = await call(
      server.url,
      'POST',
      `/api/matches/${table.matchId}/seats/${joined.body.seat}/remove`,
      me(ana.accessToken),
    );
    expect(removed.status).toBe(200);
    const ids = async (token: string) => (await list(token)).tables.map((t) => t.matchId);
    expect(await ids(dee.accessToken)).not.toContain(table.matchId);
    expect(await ids(ben.accessToken)).toContain(table.matchId);
    // Joining again answers as an id that names no open table, not "the host removed you".
    const [again, none] = await Promise.all([
      join(dee.accessToken, table.matchId),
      join(dee.accessToken, 'm_no_such_table'),
    ]);
    expect({ status: again.status, body: again.body }).toEqual({
      status: 404,
      body: none.body,
    });
    await close(ana.accessToken, table.matchId);
  });

  it('the host closes a waiting table: everyone seated is told, its code and listing die', async () => {
    const table = await createMatch(server.url, ana.accessToken, {
      game: 'golf',
      seats: [human, human, human],
      listed: true,
    });
    await join(ben.accessToken, table.matchId);
    const bens = await RawClient.open(server.url, table.matchId, ben.accessToken);
    // Only the host closes; anyone else is refused and nothing changes.
    expect(await close(ben.accessToken, table.matchId)).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect(await close(dee.accessToken, table.matchId)).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect((await meta(ana.accessToken, table.matchId)).status).toBe('waiting');

    const closed = await close(ana.accessToken, table.matchId);
    expect(closed).toMatchObject({
      status: 200,
      body: { status: 'over', result: { winners: [], standings: [], reason: 'closed' } },
    });
    const told = await bens.waitFor('MATCH_STATUS', (m) => m.status === 'over');
    expect(told.result?.reason).toBe('closed');
    bens.socket.close();
    // A retry (its first answer lost) answers the same; the room code and the list are done.
    expect((await close(ana.accessToken, table.matchId)).status).toBe(200);
    expect((await list(dee.accessToken)).tables.map((t) => t.matchId)).not.toContain(table.matchId);
    expect(await joinByCode(dee.accessToken, table.code)).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
    expect((await join(dee.accessToken, table.matchId)).status).toBe(404);
    const [row] = await server.db.query<{ status: string; ended_at: Date | null }>(
      'SELECT status, ended_at FROM matches WHERE id = $1',
      [table.matchId],
    );
    expect(row?.status).toBe('over');
    expect(row?.ended_at).not.toBeNull();

    // Once started, a table is not closed: it is left or resigned.
    const pair = await createMatch(server.url, ana.accessToken, {
      game: 'golf',
      seats: [human, human],
    });
    await joinByCode(dee.accessToken, pair.code);
    expect(await close(ana.accessToken, pair.matchId)).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT' },
    });
    expect((await meta(ana.accessToken, pair.matchId)).status).toBe('active');
    await call(server.url, 'POST', `/api/matches/${pair.matchId}/surrender`, me(ana.accessToken));
    expect(await close(ana.accessToken, pair.matchId)).toMatchObject({
      status: 409,
      body: { code: 'MATCH_OVER' },
    });
  });

  it('starts when everyone ready; the host fills empty seats with CPUs once those seated are', async () => {
    const table = await createMatch(server.url, ana.accessToken, {
      game: 'golf',
      seats: [human, human, human],
      listed: true,
    });
    await join(ben.accessToken, table.matchId);
    const early = await call<ErrorBody>(
      server.url,
      'POST',
      `/api/matches/${table.matchId}/start`,
      me(ana.accessToken),
    );
    expect(early).toMatchObject({ status: 409, body: { details: { waitingFor: ['Ben'] } } });
    const marked = await ready(ben.accessToken, table.matchId);
    expect(marked.status).toBe(200);
    expect(marked.body.seats[1]).toMatchObject({ ready: true });
    expect(marked.body.status).toBe('waiting');
    // Not ready any more, then ready again: both are recorded.
    expect((await ready(ben.accessToken, table.matchId, false)).body.seats[1]?.ready).toBe(
      undefined,
    );
    await ready(ben.accessToken, table.matchId);
    const started = await call<MatchMetadata>(
      server.url,
      'POST',
      `/api/matches/${table.matchId}/start`,
      me(ana.accessToken),
    );
    expect(started.body.status).toBe('active');
    expect(started.body.seats.map((s) => s.kind)).toEqual(['human', 'human', 'cpu']);
    expect((await list(dee.accessToken)).tables.map((t) => t.matchId)).not.toContain(table.matchId);
    expect((await ready(ben.accessToken, table.matchId)).status).toBe(409);

    const pair = await createMatch(server.url, ana.accessToken, {
      game: 'golf',
      seats: [human, human],
      listed: true,
    });
    await ready(ana.accessToken, pair.matchId);
    await join(dee.accessToken, pair.matchId);
    // Full, but Dee is not ready yet: it waits.
    expect((await meta(ana.accessToken, pair.matchId)).status).toBe('waiting');
    expect((await ready(dee.accessToken, pair.matchId)).body.status).toBe('active');
    for (const id of [table.matchId, pair.matchId]) {
      for (const who of [ana, ben, dee]) await leave(who.accessToken, id);
    }
  });

  it('bounds what a client controls: page size, open tables per host, ready toggles', async () => {
    expect(
      (await call(server.url, 'GET', '/api/tables?game=golf&limit=51', me(dee.accessToken))).status,
    ).toBe(400);
    const forged = Buffer.from(JSON.stringify({ t: 'not a time', i: 'x' })).toString('base64url');
    expect(
      (await call(server.url, 'GET', `/api/tables?game=golf&after=${forged}`, me(dee.accessToken)))
        .status,
    ).toBe(400);
    expect(
      await call(server.url, 'GET', '/api/tables?game=no-such-game', me(dee.accessToken)),
    ).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', message: 'No such game.' } });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const made = await createMatch(server.url, cy.accessToken, {
        game: 'golf',
        seats: [human, human],
        listed: true,
      });
      ids.push(made.matchId);
    }
    const fourth = await call<ErrorBody>(server.url, 'POST', '/api/matches', {
      token: cy.accessToken,
      body: { game: 'golf', seats: [human, human], listed: true },
    });
    expect(fourth).toMatchObject({
      status: 429,
      body: { code: 'QUOTA_EXCEEDED', details: { limit: 'openTablesPerUser', max: 3 } },
    });
    // Pages of one see each of Cy's tables once, newest first.
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: OpenTableList = await list(
        dee.accessToken,
        `game=golf&limit=1${after ? `&after=${after}` : ''}`,
      );
      seen.push(...page.tables.map((t) => t.matchId));
      after = page.next;
    } while (after);
    expect(seen.filter((id) => ids.includes(id))).toEqual([...ids].reverse());

    let refused = 0;
    for (let i = 0; i < 14; i++) {
      const reply = await ready(cy.accessToken, ids[0] as string, i % 2 === 0);
      if (reply.status === 429) refused++;
    }
    expect(refused).toBeGreaterThan(0);
    // A host who leaves closes the table, which frees its place among the host's open tables.
    for (const id of ids) await leave(cy.accessToken, id);
    const anew = await createMatch(server.url, cy.accessToken, {
      game: 'golf',
      seats: [human, human],
      listed: true,
    });
    await close(cy.accessToken, anew.matchId);
    // The open-table cap counts waiting listed tables only: a private table is still fine.
    expect(
      (
        await call(server.url, 'POST', '/api/matches', {
          token: cy.accessToken,
          body: { game: 'golf', seats: [human, { kind: 'cpu', profile: 'Marcus' }] },
        })
      ).status,
    ).toBe(200);
  });

  it('lets accounts make a rated table with standard rules only; guests cannot sit at one', async () => {
    const create = (token: string, body: object) =>
      call<ErrorBody & { matchId: string }>(server.url, 'POST', '/api/matches', { token, body });
    const guestRated = await create(ben.accessToken, {
      game: 'golf',
      seats: [human, human],
      rated: true,
    });
    expect(guestRated).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const houseRules = await create(ana.accessToken, {
      game: 'golf',
      seats: [human, human],
      rated: true,
      options: { knockBonus: true },
    });
    expect(houseRules).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
    expect(houseRules.body.message).toMatch(/standard/);
    const alone = await create(ana.accessToken, {
      game: 'golf',
      seats: [human, { kind: 'cpu', profile: 'Marcus' }],
      rated: true,
    });
    expect(alone.status).toBe(400);
    // Holes and decks may change: still standard.
    const rated = await create(ana.accessToken, {
      game: 'golf',
      seats: [human, human],
      rated: true,
      listed: true,
      options: { rounds: 5, decks: 2 },
    });
    expect(rated.status).toBe(200);
    const listed = (await list(ben.accessToken)).tables.find(
      (t) => t.matchId === rated.body.matchId,
    );
    expect(listed?.rated).toBe(true);
    expect(await join(ben.accessToken, rated.body.matchId)).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect((await join(cy.accessToken, rated.body.matchId)).status).toBe(200);
    expect((await meta(cy.accessToken, rated.body.matchId)).rated).toBe(true);
    await leave(cy.accessToken, rated.body.matchId);
    await leave(ana.accessToken, rated.body.matchId);
  });

  it("queues for a creator's published version, keyed by game and version", async () => {
    await publishGame(server.url, ana.accessToken, `reef-${store}`, await tidepoolPackage());
    const slug = `reef-${store}`;
    const queue = (token: string, query: string) => {
      const socket = new WebSocket(
        `${server.url.replace('http', 'ws')}/ws/matchmaking?token=${token}&${query}`,
      );
      const messages: QueueServerMessage[] = [];
      socket.on('message', (data) => messages.push(JSON.parse(String(data)) as QueueServerMessage));
      return new Promise<QueueServerMessage[]>((resolve) =>
        socket.on('close', () => resolve(messages)),
      );
    };
    const missing = await queue(ben.accessToken, `game=${slug}&version=7&mode=casual&seats=2`);
    expect(missing[0]).toMatchObject({ type: 'ERROR', code: 'BAD_REQUEST' });
    const [a, b] = await Promise.all([
      queue(ben.accessToken, `game=${slug}&version=1&mode=casual&seats=2`),
      queue(dee.accessToken, `game=${slug}&mode=casual&seats=2`),
    ]);
    const matched = a.at(-1);
    expect(matched).toMatchObject({ type: 'QUEUE_MATCHED', game: slug });
    expect(b.at(-1)).toEqual(matched);
    const match = await meta(ben.accessToken, (matched as { matchId: string }).matchId);
    expect(match.status).toBe('active');
    expect(match.content).toMatchObject({ slug, version: 1 });
    await call(server.url, 'POST', `/api/matches/${match.matchId}/surrender`, me(ben.accessToken));
  }, 60_000);
});
