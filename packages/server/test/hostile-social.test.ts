import { CHAT_HISTORY_LIMIT, CHAT_MAX_MUTES, type ChatServerMessage } from '@cardtable/sdk/chat';
import type { ErrorBody, MatchMetadata } from '@cardtable/sdk/protocol';
import type { QueueServerMessage } from '@cardtable/sdk/social';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CHAT_REPORTS_BURST, CHAT_USER_FACTOR } from '../src/chat/chat-service.ts';
import { ChatStore } from '../src/chat/chat-store.ts';
import { ART_UPLOAD_BURST, GAMES_PER_USER } from '../src/content/library.ts';
import { account, login, until } from './helpers/accounts.ts';
import { ChatSocket } from './helpers/chat-socket.ts';
import { addUsers, writeFinished } from './helpers/finished-matches.ts';
import { publishGame, tidepoolPackage, useContentServer } from './helpers/content.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { png16 } from './helpers/png.ts';
import type { StoreKind } from './helpers/server.ts';

/**
 * A hostile client against the surfaces added with the social features: the chat socket, open
 * tables, matchmaking, the studio. Each attack gets a typed refusal and changes nothing, and
 * floods are limited per sender without starving anyone else.
 */
const CHAT_BURST = 3;
const MAX_SOCKETS_PER_IP = 6;
const CHAT_SOCKETS_PER_USER = 4;
const ENV = {
  CHAT_BURST: String(CHAT_BURST),
  // One more message a minute: the bursts decide every count below, whatever the clock does.
  CHAT_PER_MIN: '1',
  MAX_CONNECTIONS_PER_IP: String(MAX_SOCKETS_PER_IP),
  CHAT_SOCKETS_PER_USER: String(CHAT_SOCKETS_PER_USER),
  ADMIN_USERNAME: 'root',
  ADMIN_EMAIL: 'root@example.com',
  ADMIN_PASSWORD: 'admin secret 4 hostile',
};

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const rawCursor = (json: string) => Buffer.from(json).toString('base64url');

describe.each<StoreKind>(['embedded', 'postgres'])('a hostile client on %s', (store) => {
  const site = useContentServer(store, ENV);
  const url = () => site.server.url;

  it('gets BAD_MESSAGE naming the fault for unknown fields, prototype keys and wrong types in chat frames, and nothing is sent', async () => {
    const attacker = await ChatSocket.open(url(), site.alice, 'lobby:golf');
    const reader = await ChatSocket.open(url(), site.bob, 'lobby:golf');
    expect(attacker.welcome).not.toBeNull();
    const frames: [string, RegExp][] = [
      [
        '{"type":"SEND","clientId":"a","channel":"lobby","text":"hi","admin":true}',
        /\/admin: Unexpected property/,
      ],
      ['{"type":"SET_FILTER","clientId":"b","on":false,"__proto__":{"filter":false}}', /__proto__/],
      [
        '{"type":"SEND","clientId":"c","channel":"lobby","text":"x","constructor":{"prototype":{"a":1}}}',
        /constructor/,
      ],
      ['{"type":"SEND","clientId":"d","channel":"lobby","text":42}', /\/text/],
      ['{"type":"SEND","clientId":"e","channel":"everyone","text":"x"}', /\/channel/],
      ['{"type":"SHOUT","clientId":"f"}', /\/type: must be one of SEND, EMOTE/],
      ['{"type":"REPORT","clientId":"g","messageId":"1 OR 1=1"}', /\/messageId/],
      ['{"type":"MUTE","clientId":"h","userId":""}', /\/userId/],
      ['[1,2,3]', /\/type: must be one of/],
      ['{"type":"SEND",', /not JSON/],
    ];
    for (const [frame] of frames) attacker.sendText(frame);
    const errors = () =>
      attacker.received.filter(
        (m): m is Extract<ChatServerMessage, { type: 'CHAT_ERROR' }> => m.type === 'CHAT_ERROR',
      );
    await until(() => errors().length === frames.length);
    for (const [index, [, expected]] of frames.entries()) {
      expect(errors()[index]).toMatchObject({ type: 'CHAT_ERROR', code: 'BAD_MESSAGE' });
      expect(errors()[index]?.message).toMatch(expected);
    }
    // Nothing was written, the socket stays open, and the refusals changed nothing.
    expect(attacker.received.some((m) => m.type === 'CHAT_RESULT')).toBe(false);
    expect(await attacker.say('lobby', 'still here')).toMatchObject({ ok: true });
    await until(() => reader.messages.length === 1);
    expect(reader.messages.map((m) => m.text)).toEqual(['still here']);
    expect(({} as Record<string, unknown>).filter).toBeUndefined();
    await attacker.close();
    await reader.close();
  });

  it('limits one chat user across every room they open, and others still get through', async () => {
    const flooder = await guest(url(), 'Flooder');
    const rooms = ['lobby:golf', 'lobby:tcg'];
    for (let i = 0; i < 2; i++) {
      const made = await createMatch(url(), site.alice, {
        game: 'golf',
        seats: [{ kind: 'human' }, { kind: 'human' }],
      });
      rooms.push(`match:${made.matchId}`);
    }
    // Four rooms: as a member of the lobbies and a spectator of both tables.
    const sockets = await Promise.all(
      rooms.map((room) => ChatSocket.open(url(), flooder.accessToken, room)),
    );
    let sent = 0;
    let limited = 0;
    for (const socket of sockets) {
      const channel = socket.welcome?.role === 'spectator' ? 'spectators' : 'lobby';
      for (let i = 0; i < CHAT_BURST; i++) {
        const outcome = await socket.say(channel, `flood ${i}`);
        if (outcome.ok) sent++;
        else if (outcome.error.code === 'RATE_LIMITED') limited++;
      }
    }
    // Each channel's own limit would let 4 x 3 through; the sender's own caps them all.
    expect(sent).toBeLessThan(rooms.length * CHAT_BURST);
    expect(sent).toBeGreaterThanOrEqual(CHAT_BURST * CHAT_USER_FACTOR);
    expect(sent + limited).toBe(rooms.length * CHAT_BURST);
    await Promise.all(sockets.map((socket) => socket.close()));
    const other = await ChatSocket.open(url(), site.bob, 'lobby:golf');
    expect(await other.say('lobby', 'not starved')).toMatchObject({ ok: true });
    await other.close();
  });

  it('caps the chat sockets one user holds open; a closed one frees its place', async () => {
    const greedy = (await guest(url(), 'Greedy')).accessToken;
    const rooms = ['lobby:golf', 'lobby:tcg', 'lobby:spiritbound', 'lobby:golf'];
    const open = await Promise.all(rooms.map((room) => ChatSocket.open(url(), greedy, room)));
    expect(open.every((socket) => socket.welcome !== null)).toBe(true);
    expect(open).toHaveLength(CHAT_SOCKETS_PER_USER);
    const refused = await ChatSocket.open(url(), greedy, 'lobby:tcg');
    expect(refused.welcome).toBeNull();
    expect(refused.error).toMatchObject({ code: 'RATE_LIMITED' });
    await until(() => refused.closed !== null);
    expect(refused.closed).toBe(4429);
    // Someone else is not counted against Greedy's place.
    const other = await ChatSocket.open(url(), site.bob, 'lobby:tcg');
    expect(other.welcome).not.toBeNull();
    await other.close();
    await open[0]?.close();
    const again = await ChatSocket.open(url(), greedy, 'lobby:tcg');
    expect(again.welcome).not.toBeNull();
    await Promise.all([again, ...open].map((socket) => socket.close()));
  });

  it('limits chat reports per reporter; a report of a message elsewhere is NOT_FOUND', async () => {
    const room = 'lobby:tcg';
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const writer = await guest(url(), `Writer ${i}`);
      const socket = await ChatSocket.open(url(), writer.accessToken, room);
      for (let j = 0; j < CHAT_BURST; j++) {
        const outcome = await socket.say('lobby', `line ${i}.${j}`);
        if (outcome.ok && outcome.messageId) ids.push(outcome.messageId);
      }
      await socket.close();
    }
    expect(ids.length).toBeGreaterThan(CHAT_REPORTS_BURST);
    const reporter = await guest(url(), 'Reporter');
    const elsewhere = await ChatSocket.open(url(), reporter.accessToken, 'lobby:golf');
    expect(await elsewhere.request({ type: 'REPORT', messageId: ids[0] as string })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await elsewhere.close();
    const socket = await ChatSocket.open(url(), reporter.accessToken, room);
    const codes: string[] = [];
    for (const messageId of ids) {
      const outcome = await socket.request({ type: 'REPORT', messageId, reason: 'spam' });
      codes.push(outcome.ok ? 'ok' : outcome.error.code);
    }
    // The NOT_FOUND above took one of the burst.
    expect(codes.filter((code) => code === 'ok')).toHaveLength(CHAT_REPORTS_BURST - 1);
    expect(codes.slice(CHAT_REPORTS_BURST - 1).every((code) => code === 'RATE_LIMITED')).toBe(true);
    await socket.close();
  });

  it('stops a burst of MUTE frames exactly at the mute cap, and every mute acknowledged is kept', async () => {
    const muter = await account(url(), `muter_${store}`);
    const { db } = site.server;
    const burst = 20;
    const room = CHAT_MAX_MUTES - 5;
    await db.query(
      `INSERT INTO users (id, name, guest)
       SELECT 'mu_' || g, 'Muted ' || g, false FROM generate_series(1, $1::int) g`,
      [room + burst],
    );
    await db.query(
      `INSERT INTO chat_mutes (user_id, muted_user_id)
       SELECT $1, 'mu_' || g FROM generate_series(1, $2::int) g`,
      [muter.user.id, room],
    );
    const chat = await ChatSocket.open(url(), muter.accessToken, 'lobby:golf');
    expect(chat.welcome?.muted).toHaveLength(room);
    // All at once: each is checked while the others are still being stored.
    for (let i = 1; i <= burst; i++)
      chat.sendRaw({ type: 'MUTE', clientId: `m${i}`, userId: `mu_${room + i}` });
    const results = () => chat.received.flatMap((m) => (m.type === 'CHAT_RESULT' ? [m] : []));
    await until(() => results().length === burst);
    const refused = results().filter((r) => !r.ok);
    expect(results().filter((r) => r.ok)).toHaveLength(CHAT_MAX_MUTES - room);
    expect(refused.every((r) => !r.ok && r.error.code === 'TOO_MANY_MUTES')).toBe(true);
    const [stored] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM chat_mutes WHERE user_id = $1',
      [muter.user.id],
    );
    expect(stored?.n).toBe(CHAT_MAX_MUTES);
    const lists = chat.received.flatMap((m) => (m.type === 'CHAT_MUTED' ? [m.muted] : []));
    expect(lists.at(-1)).toHaveLength(CHAT_MAX_MUTES);
    await chat.close();
  });

  it('answers a mute at the cap: one already kept is still muted, a new one full, nobody unknown', async () => {
    const { db } = site.server;
    const mutes = new ChatStore(db, CHAT_HISTORY_LIMIT);
    const muter = await guest(url(), 'Capped');
    const [first, second] = await Promise.all([guest(url(), 'First'), guest(url(), 'Second')]);
    const count = async () =>
      (
        await db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM chat_mutes WHERE user_id = $1',
          [muter.user.id],
        )
      )[0]?.n;
    expect(await mutes.mute(muter.user.id, 'no-such-user', 1)).toBe('unknown');
    expect(await mutes.mute(muter.user.id, first.user.id, 1)).toBe('muted');
    expect(await mutes.mute(muter.user.id, first.user.id, 1)).toBe('muted');
    expect(await mutes.mute(muter.user.id, second.user.id, 1)).toBe('full');
    expect(await mutes.mute(muter.user.id, 'no-such-user', 1)).toBe('full');
    expect(await count()).toBe(1);
    expect(await mutes.mutedBy(muter.user.id)).toEqual([first.user.id]);
  });

  it('handles one chat socket’s messages in the order sent: an UNMUTE right after a MUTE undoes it', async () => {
    const muter = await account(url(), `order_${store}`);
    const target = await guest(url(), 'Target');
    const chat = await ChatSocket.open(url(), muter.accessToken, 'lobby:golf');
    expect(chat.welcome?.muted).toEqual([]);
    chat.sendRaw({ type: 'MUTE', clientId: 'mute', userId: target.user.id });
    chat.sendRaw({ type: 'UNMUTE', clientId: 'unmute', userId: target.user.id });
    const results = () => chat.received.flatMap((m) => (m.type === 'CHAT_RESULT' ? [m] : []));
    await until(() => results().length === 2);
    expect(results().map((r) => [r.clientId, r.ok])).toEqual([
      ['mute', true],
      ['unmute', true],
    ]);
    const lists = chat.received.flatMap((m) => (m.type === 'CHAT_MUTED' ? [m.muted] : []));
    expect(lists).toEqual([[target.user.id], []]);
    const stored = await site.server.db.query('SELECT 1 FROM chat_mutes WHERE user_id = $1', [
      muter.user.id,
    ]);
    expect(stored).toEqual([]);
    await chat.close();
  });

  it("has no lobby room or tables list for someone else's unpublished draft", async () => {
    const slug = `hidden-${store}`;
    expect(
      (
        await call(url(), 'POST', '/api/content/games', {
          token: site.alice,
          body: { slug, name: 'Hidden' },
        })
      ).status,
    ).toBe(201);
    const chat = await ChatSocket.open(url(), site.bob, `lobby:${slug}`);
    expect(chat.welcome).toBeNull();
    expect(chat.error).toMatchObject({ code: 'NOT_FOUND' });
    await until(() => chat.closed !== null);
    expect(chat.closed).toBe(4404);
    expect(await call(url(), 'GET', `/api/tables?game=${slug}`, { token: site.bob })).toMatchObject(
      { status: 404, body: { code: 'NOT_FOUND' } },
    );
    // Once published it is everyone's to gather for.
    await publishGame(url(), site.alice, slug, await tidepoolPackage());
    const opened = await ChatSocket.open(url(), site.bob, `lobby:${slug}`);
    expect(opened.welcome).toMatchObject({ room: `lobby:${slug}` });
    await opened.close();
    expect((await call(url(), 'GET', `/api/tables?game=${slug}`, { token: site.bob })).status).toBe(
      200,
    );
  });

  it('refuses forged open-table cursors with 400, never a database error', async () => {
    const made = await createMatch(url(), site.alice, {
      game: 'golf',
      seats: [{ kind: 'human' }, { kind: 'human' }],
      listed: true,
    });
    const forged = [
      cursor({ t: '1.5', i: 'x' }),
      cursor({ t: '2026-02-30 10:00:00+00', i: 'x' }),
      cursor({ t: '100', i: 'x\u0000' }),
      cursor({ t: '100', i: '\ud800' }),
      cursor({ t: '1'.repeat(40), i: 'x' }),
      cursor({ t: 100, i: 'x' }),
      cursor({ t: '100' }),
      rawCursor('{"t":"100","i":"x","__proto__":{"admin":true}}'),
      rawCursor('not json'),
      '%00',
    ];
    for (const after of forged) {
      const reply = await call<ErrorBody>(url(), 'GET', `/api/tables?game=golf&after=${after}`, {
        token: site.bob,
      });
      expect(reply, after).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
    }
    // The list is unchanged, and a cursor this server gave out still pages.
    const first = await call<{ tables: { matchId: string }[]; next: string | null }>(
      url(),
      'GET',
      '/api/tables?game=golf&limit=1',
      { token: site.bob },
    );
    expect(first.body.tables.map((t) => t.matchId)).toEqual([made.matchId]);
    await call(url(), 'POST', `/api/matches/${made.matchId}/leave`, { token: site.alice });
  });

  it('refuses ready checks with extra fields, wrong types or prototype keys, and from a spectator', async () => {
    const made = await createMatch(url(), site.alice, {
      game: 'golf',
      seats: [{ kind: 'human' }, { kind: 'human' }],
      listed: true,
    });
    const path = `/api/matches/${made.matchId}/ready`;
    const raw = (body: string) =>
      fetch(`${url()}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${site.alice}`, 'content-type': 'application/json' },
        body,
      }).then(async (reply) => ({ status: reply.status, body: (await reply.json()) as ErrorBody }));
    for (const body of [
      '{"ready":"yes"}',
      '{}',
      '{"ready":true,"__proto__":{"ready":true}}',
      '{"ready":true,"constructor":{"prototype":{"ready":true}}}',
      '{"ready":',
    ])
      expect(await raw(body), body).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
    const spectator = await call<ErrorBody>(url(), 'POST', path, {
      token: site.bob,
      body: { ready: true },
    });
    expect(spectator.status).toBeGreaterThanOrEqual(403);
    expect(spectator.status).toBeLessThan(500);
    const meta = await call<MatchMetadata>(url(), 'GET', `/api/matches/${made.matchId}`, {
      token: site.alice,
    });
    expect(meta.body.status).toBe('waiting');
    expect(meta.body.seats.every((seat) => !('ready' in seat) || !seat.ready)).toBe(true);
    await call(url(), 'POST', `/api/matches/${made.matchId}/leave`, { token: site.alice });
  });

  it('caps the games one user may own; deleting a draft frees a place', async () => {
    const owner = (await guest(url(), 'Hoarder')).accessToken;
    const create = (slug: string) =>
      call<ErrorBody>(url(), 'POST', '/api/content/games', {
        token: owner,
        body: { slug, name: 'Mine' },
      });
    for (let i = 0; i < GAMES_PER_USER; i++)
      expect((await create(`hoard-${store}-${i}`)).status).toBe(201);
    const over = await create(`hoard-${store}-over`);
    expect(over).toMatchObject({
      status: 429,
      body: { code: 'QUOTA_EXCEEDED', details: { limit: 'gamesPerUser', max: GAMES_PER_USER } },
    });
    expect(
      (await call(url(), 'GET', `/api/content/games/hoard-${store}-over`, { token: owner })).status,
    ).toBe(404);
    expect(
      (await call(url(), 'DELETE', `/api/content/games/hoard-${store}-0`, { token: owner })).status,
    ).toBe(204);
    expect((await create(`hoard-${store}-over`)).status).toBe(201);
  }, 120_000);

  it("limits art uploads per user; another creator's uploads go on", async () => {
    const slug = `art-flood-${store}`;
    await call(url(), 'POST', '/api/content/games', {
      token: site.alice,
      body: { slug, name: 'Art flood' },
    });
    const upload = (token: string, shade: number, game = slug) =>
      call<ErrorBody>(url(), 'POST', `/api/content/games/${game}/draft/art`, {
        token,
        body: { base64: png16(shade) },
      });
    let refused: { status: number; body: ErrorBody } | null = null;
    let stored = 0;
    // Until refused: on a slow machine the bucket refills a few while the burst goes in.
    for (let shade = 1; shade <= ART_UPLOAD_BURST + 50 && !refused; shade++) {
      const reply = await upload(site.alice, shade);
      if (reply.status === 201) stored++;
      else refused = reply;
    }
    // The bucket refills (10 a minute) while the burst is uploaded: at least the burst got in.
    expect(stored).toBeGreaterThanOrEqual(ART_UPLOAD_BURST);
    expect(refused).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    // Someone else's draft is still not Alice's to upload to, limited or not (nor to know of).
    expect((await upload(site.bob, 200)).status).toBe(404);
    const bobs = `art-bob-${store}`;
    await call(url(), 'POST', '/api/content/games', {
      token: site.bob,
      body: { slug: bobs, name: 'Bob art' },
    });
    expect((await upload(site.bob, 201, bobs)).status).toBe(201);
  }, 120_000);

  it('closes a chat socket that keeps flooding, even paced to let a frame through now and then', async () => {
    const chat = await ChatSocket.open(url(), site.alice, 'lobby:golf');
    const letThrough = () =>
      chat.received.filter((m) => m.type === 'CHAT_ERROR' && m.code === 'BAD_MESSAGE').length;
    let rounds = 0;
    for (; rounds < 40 && chat.closed === null; rounds++) {
      for (let i = 0; i < 50; i++) chat.sendText('x');
      const before = letThrough();
      // One frame at a time until one is read again (the frame bucket refilled).
      await until(() => {
        if (chat.closed !== null) return true;
        chat.sendText('x');
        return letThrough() > before;
      });
    }
    await until(() => chat.closed !== null);
    expect(chat.closed).toBe(1008);
    expect(rounds).toBeGreaterThan(1);
  });

  it('refuses a repeated chat parameter at once with BAD_MESSAGE and 4400, as the other sockets do', async () => {
    // Read as one value, `filter=off&filter=off` was filter on and `room=a&room=b` room "a,b".
    for (const [name, value] of [
      ['room', 'lobby:golf'],
      ['filter', 'off'],
      ['link', 'x'],
      ['token', site.alice],
    ] as const) {
      // `room` and `token` are given once already.
      const given: [string, string][] =
        name === 'room' || name === 'token'
          ? [[name, value]]
          : [
              [name, value],
              [name, value],
            ];
      const chat = await ChatSocket.open(url(), site.alice, 'lobby:golf', given);
      expect(chat.welcome).toBeNull();
      expect(chat.error).toMatchObject({
        type: 'CHAT_ERROR',
        code: 'BAD_MESSAGE',
        message: `${name} is given more than once.`,
      });
      expect(chat.closed).toBe(4400);
    }
    // Refusals hold no place: the user still opens every chat socket they may.
    const open = await Promise.all(
      Array.from({ length: CHAT_SOCKETS_PER_USER }, () =>
        ChatSocket.open(url(), site.alice, 'lobby:golf', { filter: 'off' }),
      ),
    );
    for (const chat of open) expect(chat.welcome).toMatchObject({ filter: false });
    await Promise.all(open.map((chat) => chat.close()));
  });

  it('refuses repeated queue parameters and more queue sockets per address than allowed', async () => {
    const queue = (token: string, query: string) => {
      const socket = new WebSocket(
        `${url().replace('http', 'ws')}/ws/matchmaking?token=${token}&${query}`,
      );
      const messages: QueueServerMessage[] = [];
      let code: number | null = null;
      socket.on('message', (data) => messages.push(JSON.parse(String(data)) as QueueServerMessage));
      socket.on('close', (closed) => (code = closed));
      return { socket, messages, code: () => code };
    };
    const repeated = queue(site.alice, 'game=golf&game=tcg&mode=casual&seats=2');
    await until(() => repeated.code() !== null);
    expect(repeated.messages[0]).toMatchObject({ type: 'ERROR', code: 'BAD_REQUEST' });
    expect(repeated.code()).toBe(4400);

    // One waiting player in each of six pools (no two of them can be matched).
    const pools = [
      'golf&seats=3',
      'golf&seats=4',
      'golf&seats=5',
      'golf&seats=6',
      'tcg&seats=2',
      'spiritbound&seats=2',
    ];
    const waiting: ReturnType<typeof queue>[] = [];
    for (const [index, pool] of pools.entries()) {
      const player = await guest(url(), `Queuer ${index}`);
      const open = queue(player.accessToken, `game=${pool}&mode=casual`);
      await until(() => open.messages.length > 0);
      expect(open.messages[0]).toMatchObject({ type: 'QUEUE_STATUS' });
      waiting.push(open);
    }
    expect(waiting).toHaveLength(MAX_SOCKETS_PER_IP);
    const extra = await guest(url(), 'One too many');
    const refused = queue(extra.accessToken, 'game=golf&seats=2&mode=casual');
    await until(() => refused.code() !== null);
    expect(refused.messages[0]).toMatchObject({ type: 'ERROR', code: 'RATE_LIMITED' });
    expect(refused.code()).toBe(4429);
    // A closed socket frees its place.
    waiting[0]?.socket.close();
    await until(() => waiting[0]?.code() !== null);
    const later = queue(extra.accessToken, 'game=golf&seats=2&mode=casual');
    await until(() => later.messages.length > 0);
    expect(later.messages[0]).toMatchObject({ type: 'QUEUE_STATUS' });
    for (const open of [...waiting, later]) open.socket.close();
  });

  it('lets only admins rebuild the social projection; repeated rebuilds join the one under way', async () => {
    const path = '/api/admin/social/rebuild';
    expect(await call(url(), 'POST', path)).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHORIZED' },
    });
    expect(await call(url(), 'POST', path, { token: site.bob })).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    const admin = (await login(url(), 'root', ENV.ADMIN_PASSWORD)).body.accessToken;
    const moderator = await account(url(), `mod_${store}`);
    await call(url(), 'PUT', `/api/admin/users/${moderator.user.id}/role`, {
      token: admin,
      body: { role: 'moderator' },
    });
    const asModerator = (await login(url(), `mod_${store}`)).body.accessToken;
    expect(await call(url(), 'POST', path, { token: asModerator })).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    const { db, projector } = site.server;
    await addUsers(db, ['rb1', 'rb2']);
    for (let i = 0; i < 3; i++)
      await writeFinished(db, {
        id: `rebuild-${i}`,
        game: 'golf',
        seats: ['rb1', 'rb2'],
        places: [1, 2],
        rated: false,
        rounds: [{ scores: [1, 9], finisher: 0 }],
        endedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      });
    // The server's own sweep may end a stale match of an earlier test at any moment, so the
    // count is bounded from below here, not read again after the rebuild.
    const before = await projector.finishedCount();
    expect(before).toBeGreaterThanOrEqual(3);
    const replies = await Promise.all(
      Array.from({ length: 4 }, () =>
        call<{ folded: number }>(url(), 'POST', path, { token: admin }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200]);
    // Each answer is the whole rebuild's count, not a share of batches split between queued runs.
    const folded = replies[0]!.body.folded;
    expect(folded).toBeGreaterThanOrEqual(before);
    expect(replies.map((reply) => reply.body.folded)).toEqual([folded, folded, folded, folded]);
    // Asked twice in the same turn (HTTP requests may happen not to overlap): one rebuild.
    const [once, again] = await Promise.all([projector.rebuild(), projector.rebuild()]);
    expect(once).toBeGreaterThanOrEqual(before);
    expect(again).toBe(once);
  });
});
