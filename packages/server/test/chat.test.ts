import type {
  ChatMessage,
  ChatReportList,
  ChatReportView,
  MatchChatLog,
} from '@cardtable/sdk/chat';
import { CHAT_MAX_LENGTH, CHAT_MAX_MUTES, CHAT_MUTE_BATCH } from '@cardtable/sdk/chat';
import type { AuthResponse } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/app.ts';
import { WordFilter } from '../src/chat/word-filter.ts';
import { account, GOOD_PASSWORD, login, until } from './helpers/accounts.ts';
import { ChatSocket } from './helpers/chat-socket.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { configFrom, startTestServer, testGames, type StoreKind } from './helpers/server.ts';

const texts = (messages: readonly ChatMessage[]) => messages.map((m) => m.text);

describe('the word filter', () => {
  const filter = new WordFilter(['shit', 'fuck*', 'ass']);

  it('masks listed words whatever their case, repeats, stand-ins and joiners', () => {
    expect(filter.mask('oh SHIT!')).toBe('oh ****!');
    expect(filter.mask('shiiiiit happens')).toBe('******** happens');
    expect(filter.mask('sh1t and $hit')).toBe('**** and ****');
    expect(filter.mask('s.h.i.t')).toBe('*******');
    expect(filter.mask('Fucking hell')).toBe('******* hell');
    expect(filter.mask('ṣhït')).toBe('****');
  });

  it('leaves words that only contain a listed one', () => {
    expect(filter.mask('an assassin passes, as one does')).toBe('an assassin passes, as one does');
    expect(filter.mask('shitake? no: shiitake')).toBe('shitake? no: shiitake');
  });

  it('ships a list that masks the usual words', () => {
    const shipped = WordFilter.shipped();
    expect(shipped.mask('what the fuuuck, sh1t')).toBe('what the ******, ****');
    expect(shipped.mask('Scunthorpe, cocktails, Dickens, class')).toBe(
      'Scunthorpe, cocktails, Dickens, class',
    );
  });
});

describe.each<StoreKind>(['embedded', 'postgres'])('chat on %s', (store) => {
  const ENV = {
    CHAT_BURST: '3',
    // One more message a minute: a burst of 4 in a test is refused, whatever the clock does.
    CHAT_PER_MIN: '1',
    ADMIN_USERNAME: 'root',
    ADMIN_EMAIL: 'root@example.com',
    ADMIN_PASSWORD: 'admin secret 4 chat',
    RATE_AUTH_IP_PER_MIN: '10000',
    SIGNUPS_PER_IP_PER_HOUR: '10000',
  };
  let server: RunningServer & { env: Record<string, string> };
  let host: AuthResponse;
  let player: AuthResponse;
  let watcher: AuthResponse;
  let matchId: string;
  const sockets: ChatSocket[] = [];
  const open = async (who: AuthResponse, room: string, extra?: Record<string, string>) => {
    const socket = await ChatSocket.open(server.url, who.accessToken, room, extra);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    server = await startTestServer(store, ENV);
    [host, player, watcher] = await Promise.all([
      account(server.url, 'chat_host'),
      account(server.url, 'chat_player'),
      guest(server.url, 'Watcher'),
    ]);
    const created = await createMatch(server.url, host.accessToken, {
      game: 'secret-draw',
      options: { draws: 1 },
      seats: [{ kind: 'human' }, { kind: 'human' }],
    });
    matchId = created.matchId;
    const joined = await call(server.url, 'POST', '/api/matches/join', {
      token: player.accessToken,
      body: { code: created.code },
    });
    expect(joined.status).toBe(200);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.close();
  });
  const hostSays = async (matchId: string, text: string) => {
    const hostChat = await open(host, `match:${matchId}`);
    expect(await hostChat.say('players', text)).toMatchObject({ ok: true });
  };

  it('players and spectators each get their own channel; spectators never reach players', async () => {
    const hostChat = await open(host, `match:${matchId}`);
    const spectatorChat = await open(watcher, `match:${matchId}`);
    expect(hostChat.welcome).toMatchObject({
      role: 'player',
      channels: [{ channel: 'players', write: true }],
      emotes: true,
    });
    expect(spectatorChat.welcome).toMatchObject({
      role: 'spectator',
      channels: [
        { channel: 'players', write: false },
        { channel: 'spectators', write: true },
      ],
      emotes: false,
    });

    expect(await hostChat.say('players', 'good luck')).toMatchObject({ ok: true });
    await until(() => spectatorChat.messages.length === 1);
    expect(spectatorChat.messages[0]).toMatchObject({
      channel: 'players',
      seat: 0,
      text: 'good luck',
    });

    expect(await spectatorChat.say('spectators', 'he holds a seven')).toMatchObject({ ok: true });
    const refused = await spectatorChat.say('players', 'psst, a seven');
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await spectatorChat.request({ type: 'EMOTE', emote: 'gg' })).ok).toBe(false);
    // The host's socket saw its own message and nothing of the spectators'.
    await hostChat.request({ type: 'EMOTE', emote: 'hello' });
    expect(texts(hostChat.messages)).toEqual(['good luck']);
    await until(() => spectatorChat.received.some((m) => m.type === 'CHAT_EMOTE'));
    expect(spectatorChat.received.find((m) => m.type === 'CHAT_EMOTE')).toMatchObject({
      emote: 'hello',
      seat: 0,
    });
    // A spectator's message cannot be reported by a player (they cannot see it).
    const spectatorMessage = spectatorChat.messages.find((m) => m.channel === 'spectators');
    const report = await hostChat.request({
      type: 'REPORT',
      messageId: spectatorMessage?.id ?? '0',
    });
    expect(report).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('stops sending the spectators channel to a spectator who took a seat', async () => {
    const table = await createMatch(server.url, host.accessToken, {
      game: 'secret-draw',
      options: { draws: 1 },
      seats: [{ kind: 'human' }, { kind: 'human' }, { kind: 'human' }],
    });
    const [joiner, other] = await Promise.all([
      guest(server.url, 'Joiner'),
      guest(server.url, 'Other watcher'),
    ]);
    const room = `match:${table.matchId}`;
    const joinerChat = await open(joiner, room);
    const otherChat = await open(other, room);
    expect(joinerChat.welcome?.role).toBe('spectator');
    expect(await otherChat.say('spectators', 'first')).toMatchObject({ ok: true });
    await until(() => joinerChat.messages.length === 1);
    const joined = await call(server.url, 'POST', '/api/matches/join', {
      token: joiner.accessToken,
      body: { code: table.code },
    });
    expect(joined.status).toBe(200);
    // The socket opened while watching stays open, but the spectators no longer reach it.
    expect(await otherChat.say('spectators', 'second')).toMatchObject({ ok: true });
    expect(await otherChat.say('spectators', 'third')).toMatchObject({ ok: true });
    await until(() => otherChat.messages.length === 3);
    expect(texts(otherChat.messages)).toEqual(['first', 'second', 'third']);
    await hostSays(table.matchId, 'players still reach it');
    await until(() => joinerChat.messages.length === 2);
    expect(texts(joinerChat.messages)).toEqual(['first', 'players still reach it']);
  });

  it('lets go of a player the host removed (as of a room that does not exist); one who left writes as a player no more', async () => {
    const table = await createMatch(server.url, host.accessToken, {
      game: 'secret-draw',
      options: { draws: 1 },
      seats: [{ kind: 'human' }, { kind: 'human' }, { kind: 'human' }],
    });
    const joinAs = (who: AuthResponse) =>
      call<{ seat: number }>(server.url, 'POST', '/api/matches/join', {
        token: who.accessToken,
        body: { code: table.code },
      });
    const joined = await joinAs(watcher);
    const chat = await open(watcher, `match:${table.matchId}`);
    expect(chat.welcome?.role).toBe('player');
    expect(await chat.say('players', 'hello table')).toMatchObject({ ok: true });
    const removed = await call(
      server.url,
      'POST',
      `/api/matches/${table.matchId}/seats/${joined.body.seat}/remove`,
      { token: host.accessToken },
    );
    expect(removed.status).toBe(200);
    // Its socket read the players' channel on: closed, and the room is gone for them.
    await until(() => chat.closed !== null);
    expect({ error: chat.error, close: chat.closed }).toMatchObject({
      error: { code: 'NOT_FOUND', message: 'No such match.' },
      close: 4404,
    });
    const again = await open(watcher, `match:${table.matchId}`);
    expect({ error: again.error, close: again.closed }).toMatchObject({
      error: { code: 'NOT_FOUND' },
      close: 4404,
    });

    // A player who leaves keeps their socket (they may watch) but writes as a player no more.
    const leaver = await guest(server.url, 'Leaver');
    await joinAs(leaver);
    const leaverChat = await open(leaver, `match:${table.matchId}`);
    expect(leaverChat.welcome?.role).toBe('player');
    const left = await call(server.url, 'POST', `/api/matches/${table.matchId}/leave`, {
      token: leaver.accessToken,
    });
    expect(left.status).toBe(200);
    expect(await leaverChat.say('players', 'still here')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await leaverChat.request({ type: 'EMOTE', emote: 'oops' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });

  it('refuses empty, blank-looking, mark-stacked and long messages, and more than the burst in one channel', async () => {
    const playerChat = await open(player, `match:${matchId}`);
    expect(await playerChat.say('players', '   ')).toMatchObject({ error: { code: 'EMPTY' } });
    // Zero-width space, word joiner, Hangul filler, blank Braille: a line that shows nothing.
    expect(await playerChat.say('players', '\u200b\u2060\u3164\u2800')).toMatchObject({
      error: { code: 'EMPTY' },
    });
    // Five marks on one letter ("zalgo" is dozens): drawn over the other lines of the chat.
    expect(await playerChat.say('players', `hi o${'\u0301'.repeat(5)}`)).toMatchObject({
      error: { code: 'UNPRINTABLE', details: { max: 4 } },
    });
    expect(await playerChat.say('players', 'x'.repeat(CHAT_MAX_LENGTH + 1))).toMatchObject({
      error: { code: 'TOO_LONG', details: { max: CHAT_MAX_LENGTH } },
    });
    // Characters, not UTF-16 units: 300 emoji fit.
    expect(await playerChat.say('players', '🂡'.repeat(CHAT_MAX_LENGTH))).toMatchObject({
      ok: true,
    });
    // Accents as written with combining marks (two on a Vietnamese letter) and a keycap emoji.
    expect(await playerChat.say('players', 'two: Nguye\u0302\u0303n 1\ufe0f\u20e3')).toMatchObject({
      ok: true,
    });
    expect(await playerChat.say('players', 'three')).toMatchObject({ ok: true });
    expect(await playerChat.say('players', 'four')).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });
    // Emotes have a bucket of their own, as large.
    for (const emote of ['hello', 'nice', 'thanks'] as const) {
      expect(await playerChat.request({ type: 'EMOTE', emote })).toEqual({
        type: 'CHAT_RESULT',
        clientId: expect.any(String),
        ok: true,
      });
    }
    expect(await playerChat.request({ type: 'EMOTE', emote: 'oops' })).toMatchObject({
      error: { code: 'RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } },
    });
    // The limit is per channel: the player's lobby room is another channel.
    const lobby = await open(player, 'lobby:secret-draw');
    expect(await lobby.say('lobby', 'anyone for a game?')).toMatchObject({ ok: true });
    expect(
      await playerChat.request({ type: 'SEND', channel: 'lobby', text: 'wrong room' }),
    ).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('masks filtered words for readers with the filter on, not for those who turned it off', async () => {
    const filtered = await open(watcher, 'lobby:secret-draw');
    const raw = await open(host, 'lobby:secret-draw', { filter: 'off' });
    const sender = await open(player, 'lobby:secret-draw');
    expect(filtered.welcome?.filter).toBe(true);
    expect(raw.welcome?.filter).toBe(false);
    expect(await sender.say('lobby', 'well SHIIIT')).toMatchObject({ ok: true });
    await until(() => filtered.messages.length === 1 && raw.messages.length === 1);
    expect(filtered.messages[0]?.text).toBe('well ******');
    expect(raw.messages[0]?.text).toBe('well SHIIIT');
    await filtered.request({ type: 'SET_FILTER', on: false });
    await raw.request({ type: 'SET_FILTER', on: true });
    // Another sender: the player's lobby burst is spent.
    expect(await filtered.say('lobby', 'shit indeed')).toMatchObject({ ok: true });
    await until(() => raw.messages.length === 2);
    expect(raw.messages[1]?.text).toBe('**** indeed');
    expect(filtered.messages[1]?.text).toBe('shit indeed');
  });

  it('mutes: an account keeps them, a guest only while connected; muted messages are not sent', async () => {
    const room = `match:${matchId}`;
    const hostChat = await open(host, room);
    expect(await hostChat.request({ type: 'MUTE', userId: host.user.id })).toMatchObject({
      error: { code: 'SELF' },
    });
    expect(await hostChat.request({ type: 'MUTE', userId: 'u_nobody' })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(await hostChat.request({ type: 'MUTE', userId: player.user.id })).toMatchObject({
      ok: true,
    });
    await until(() => hostChat.received.some((m) => m.type === 'CHAT_MUTED'));
    hostChat.close();
    // A new connection of the account: the mute is stored, and the history leaves them out.
    const again = await open(host, room);
    expect(again.welcome?.muted).toEqual([player.user.id]);
    expect(again.welcome?.history.some((m) => m.userId === player.user.id)).toBe(false);
    const spectatorChat = await open(watcher, room);
    expect(spectatorChat.welcome?.history.some((m) => m.userId === player.user.id)).toBe(true);

    const newcomer = await guest(server.url, 'Newcomer');
    const guestChat = await open(newcomer, 'lobby:secret-draw');
    // A guest's mutes are kept in memory only, and must name a user all the same.
    expect(await guestChat.request({ type: 'MUTE', userId: 'u_nobody' })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(guestChat.received.some((m) => m.type === 'CHAT_MUTED')).toBe(false);
    expect(await guestChat.request({ type: 'MUTE', userId: player.user.id })).toMatchObject({
      ok: true,
    });
    await until(() => guestChat.received.some((m) => m.type === 'CHAT_MUTED'));
    expect(guestChat.received.filter((m) => m.type === 'CHAT_MUTED').at(-1)).toMatchObject({
      muted: [player.user.id],
    });
    const history = guestChat.welcome?.history ?? [];
    expect(history.some((m) => m.userId === player.user.id)).toBe(true);
    const members = server.chat.memberCount('lobby:secret-draw');
    guestChat.close();
    await until(() => server.chat.memberCount('lobby:secret-draw') === members - 1);
    const guestAgain = await open(newcomer, 'lobby:secret-draw');
    // Not stored for guests: their browser keeps the list and sends it again.
    expect(guestAgain.welcome?.muted).toEqual([]);
    await guestAgain.request({ type: 'UNMUTE', userId: player.user.id });
    await again.request({ type: 'UNMUTE', userId: player.user.id });
    const third = await open(host, room);
    expect(third.welcome?.muted).toEqual([]);
  });

  it("takes a guest's whole mute list again in a few MUTE_MANY frames, within the frame rate", async () => {
    const returning = await guest(server.url, 'Returning');
    const chat = await open(returning, 'lobby:secret-draw');
    const ids = Array.from({ length: CHAT_MAX_MUTES }, (_, i) => `u_muted${i}`);
    await server.db.query(
      `INSERT INTO users (id, name, guest) SELECT id, 'Muted', true FROM unnest($1::text[]) id`,
      [[...ids, 'u_one_more']],
    );
    // An id that names no user (a browser's list may outlive one) is passed over, not kept.
    expect(
      await chat.request({ type: 'MUTE_MANY', userIds: ['u_never_was', ids[0]!] }),
    ).toMatchObject({ ok: true });
    await until(() => chat.received.some((m) => m.type === 'CHAT_MUTED'));
    expect(chat.received.find((m) => m.type === 'CHAT_MUTED')).toMatchObject({ muted: [ids[0]] });
    // One MUTE a frame, 500 frames would pass the burst (20) at once; in batches, 10 frames.
    const batches = Array.from({ length: CHAT_MAX_MUTES / CHAT_MUTE_BATCH }, (_, i) =>
      ids.slice(i * CHAT_MUTE_BATCH, (i + 1) * CHAT_MUTE_BATCH),
    );
    const outcomes = await Promise.all(
      batches.map((userIds) => chat.request({ type: 'MUTE_MANY', userIds })),
    );
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    await until(() =>
      chat.received.some((m) => m.type === 'CHAT_MUTED' && m.muted.length === CHAT_MAX_MUTES),
    );
    // Names muted already (and the guest's own) are passed over; one more is one too many.
    expect(
      await chat.request({ type: 'MUTE_MANY', userIds: [ids[0]!, returning.user.id] }),
    ).toMatchObject({ ok: true });
    expect(await chat.request({ type: 'MUTE_MANY', userIds: ['u_one_more'] })).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_MUTES', details: { max: CHAT_MAX_MUTES } },
    });
    // A batch is bounded by the schema; an account's mutes are stored, never sent again.
    chat.sendRaw({ type: 'MUTE_MANY', clientId: 'c-big', userIds: ids.slice(0, 51) });
    await until(() => chat.error !== null);
    expect(chat.error).toMatchObject({ code: 'BAD_MESSAGE' });
    const hostChat = await open(host, 'lobby:secret-draw');
    expect(await hostChat.request({ type: 'MUTE_MANY', userIds: [player.user.id] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('reports reach moderators (requireRole), who resolve them', async () => {
    const room = `match:${matchId}`;
    const spectator = await guest(server.url, 'Spectator Two');
    const spectatorChat = await open(spectator, room);
    const hostChat = await open(host, room);
    const reported = hostChat.welcome?.history.find((m) => m.userId === player.user.id);
    expect(reported).toBeDefined();
    const messageId = reported?.id ?? '';
    expect(await hostChat.request({ type: 'REPORT', messageId, reason: 'spam' })).toMatchObject({
      ok: true,
    });
    expect(await hostChat.request({ type: 'REPORT', messageId })).toMatchObject({
      error: { code: 'ALREADY_REPORTED' },
    });
    expect(await spectatorChat.request({ type: 'REPORT', messageId })).toMatchObject({ ok: true });
    const own = hostChat.welcome?.history.find((m) => m.userId === host.user.id);
    expect(await hostChat.request({ type: 'REPORT', messageId: own?.id ?? '' })).toMatchObject({
      error: { code: 'SELF' },
    });
    expect(await hostChat.request({ type: 'REPORT', messageId: '999999999' })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });

    const path = '/api/moderation/chat-reports';
    expect((await call(server.url, 'GET', path, { token: host.accessToken })).status).toBe(403);
    expect((await call(server.url, 'GET', path, { token: watcher.accessToken })).status).toBe(403);
    const root = (await login(server.url, 'root', ENV.ADMIN_PASSWORD)).body;
    const moderator = await account(server.url, 'chat_mod');
    await call(server.url, 'PUT', `/api/admin/users/${moderator.user.id}/role`, {
      token: root.accessToken,
      body: { role: 'moderator' },
    });
    const list = await call<ChatReportList>(server.url, 'GET', path, {
      token: moderator.accessToken,
    });
    expect(list.status).toBe(200);
    expect(list.body.reports).toHaveLength(2);
    expect(list.body.reports[0]).toMatchObject({
      messageId,
      room,
      channel: 'players',
      text: reported?.text,
      reporter: { id: host.user.id, name: 'chat_host' },
      reported: { id: player.user.id },
      reason: 'spam',
      resolution: null,
    });
    // The table both reports were written at comes with them, once: no request per report.
    expect(list.body.tables).toEqual([
      {
        matchId,
        game: 'secret-draw',
        contentName: null,
        seats: [
          expect.objectContaining({ seat: 0, kind: 'human', name: 'chat_host' }),
          expect.objectContaining({ seat: 1, kind: 'human', name: 'chat_player' }),
        ],
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    const id = list.body.reports[0]?.id ?? '';
    const byPlayer = await call(server.url, 'POST', `${path}/${id}/resolve`, {
      token: host.accessToken,
      body: { outcome: 'dismissed' },
    });
    expect(byPlayer.status).toBe(403);
    const missing = await call(server.url, 'POST', `${path}/123456789/resolve`, {
      token: moderator.accessToken,
      body: { outcome: 'dismissed' },
    });
    expect(missing.status).toBe(404);
    const resolved = await call(server.url, 'POST', `${path}/${id}/resolve`, {
      token: moderator.accessToken,
      body: { outcome: 'actioned', note: 'warned' },
    });
    expect(resolved.body).toMatchObject({
      resolution: { outcome: 'actioned', by: 'chat_mod', note: 'warned' },
    });
    const twice = await call(server.url, 'POST', `${path}/${id}/resolve`, {
      token: moderator.accessToken,
      body: { outcome: 'dismissed' },
    });
    expect(twice.status).toBe(409);
    const open_ = await call<ChatReportList>(server.url, 'GET', path, {
      token: moderator.accessToken,
    });
    expect(open_.body.reports).toHaveLength(1);
    const done = await call<ChatReportList>(server.url, 'GET', `${path}?status=resolved`, {
      token: moderator.accessToken,
    });
    expect(done.body.reports.map((r) => r.id)).toEqual([id]);
  });

  it('silences a reported author in every chat until a moderator lifts it', async () => {
    // A fresh account, so no earlier test's messages count against its rate limits.
    const rude = await account(server.url, 'chat_rude');
    const rudeChat = await open(rude, 'lobby:secret-draw');
    const said = await rudeChat.say('lobby', 'you are all terrible');
    expect(said).toMatchObject({ ok: true });
    const hostLobby = await open(host, 'lobby:secret-draw');
    const messageId = (said as { messageId: string }).messageId;
    expect(await hostLobby.request({ type: 'REPORT', messageId })).toMatchObject({ ok: true });
    const root = (await login(server.url, 'root', ENV.ADMIN_PASSWORD)).body;
    const path = '/api/moderation/chat-reports';
    const open_ = await call<ChatReportList>(server.url, 'GET', path, { token: root.accessToken });
    const id = open_.body.reports.find((r) => r.messageId === messageId)?.id ?? '';
    // A lobby has no table: only the match of the report still open is named.
    expect(open_.body.reports.map((r) => r.room).sort()).toEqual([
      'lobby:secret-draw',
      `match:${matchId}`,
    ]);
    expect(open_.body.tables.map((t) => t.matchId)).toEqual([matchId]);
    const resolve = (body: unknown) =>
      call<ChatReportView>(server.url, 'POST', `${path}/${id}/resolve`, {
        token: root.accessToken,
        body,
      });
    // A silence comes with an actioned report only, and lasts a whole number of hours up to a year.
    expect((await resolve({ outcome: 'dismissed', silenceHours: 24 })).status).toBe(400);
    expect((await resolve({ outcome: 'actioned', silenceHours: 0 })).status).toBe(400);
    expect((await resolve({ outcome: 'actioned', silenceHours: 24 * 366 })).status).toBe(400);
    expect((await resolve({ outcome: 'actioned', silenceHours: 1.5 })).status).toBe(400);
    const resolved = await resolve({ outcome: 'actioned', silenceHours: 24 });
    expect(resolved.status).toBe(200);
    const endsAt = Date.parse(resolved.body.reported.silencedUntil ?? '');
    expect(endsAt - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect(endsAt - Date.now()).toBeLessThan(25 * 3_600_000);

    // Refused in this room and in another (a match it watches), saying when it ends; nothing is stored.
    const refused = await rudeChat.say('lobby', 'still here');
    expect(refused).toMatchObject({
      error: { code: 'SILENCED', details: { until: resolved.body.reported.silencedUntil } },
    });
    expect((refused as { error: { message: string } }).error.message).toMatch(
      /^A moderator silenced you in chat until \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/,
    );
    const elsewhere = await open(rude, `match:${matchId}`);
    expect(await elsewhere.say('spectators', 'hello there')).toMatchObject({
      error: { code: 'SILENCED' },
    });
    const reread = await open(host, 'lobby:secret-draw');
    expect(texts(reread.welcome?.history ?? [])).not.toContain('still here');

    // Only moderators lift it; then the author writes again.
    const lift = (token: string, userId = rude.user.id) =>
      call(server.url, 'DELETE', `/api/moderation/users/${userId}/chat-silence`, { token });
    expect((await lift(host.accessToken)).status).toBe(403);
    expect((await lift(root.accessToken, 'no-such-user')).status).toBe(404);
    expect(await lift(root.accessToken)).toMatchObject({
      status: 200,
      body: { userId: rude.user.id, silencedUntil: null },
    });
    expect(await rudeChat.say('lobby', 'sorry, everyone')).toMatchObject({ ok: true });
    const done = await call<ChatReportList>(server.url, 'GET', `${path}?status=resolved`, {
      token: root.accessToken,
    });
    expect(done.body.reports.find((r) => r.id === id)?.reported.silencedUntil).toBeNull();
  });

  it('keeps history and reports across a restart; a finished match chat is as private as its replay', async () => {
    const room = `match:${matchId}`;
    const before = await open(watcher, room);
    const history = before.welcome?.history ?? [];
    expect(history.length).toBeGreaterThan(0);
    // The match ends: the host concedes.
    expect(
      (
        await call(server.url, 'POST', `/api/matches/${matchId}/surrender`, {
          token: host.accessToken,
        })
      ).status,
    ).toBe(200);
    for (const socket of sockets.splice(0)) socket.close();
    await server.close();
    server = Object.assign(await startServer(configFrom(server.env), testGames), {
      env: server.env,
    });

    const playerChat = await open(player, room);
    // Over: both channels for the players, history intact.
    expect(playerChat.welcome?.channels.map((c) => c.channel)).toEqual(['players', 'spectators']);
    expect(playerChat.welcome?.history.map((m) => m.id)).toEqual(
      expect.arrayContaining(history.map((m) => m.id)),
    );
    expect(playerChat.welcome?.history.some((m) => m.channel === 'spectators')).toBe(true);
    // The watcher is no player or host, and the replay is private: to them the match is no
    // more, on socket and HTTP, answered as an id that names nothing.
    const refused = await open(watcher, room);
    const nothing = await open(watcher, 'match:m_nothing_here');
    expect(refused.error).toEqual(nothing.error);
    expect(refused.error).toMatchObject({ code: 'NOT_FOUND', message: 'No such match.' });
    expect(refused.closed).toBe(nothing.closed);
    const chatOf = (id: string) =>
      call(server.url, 'GET', `/api/matches/${id}/chat`, { token: watcher.accessToken });
    const [hidden, unknown] = [await chatOf(matchId), await chatOf('m_nothing_here')];
    expect(hidden).toMatchObject({ status: 404 });
    expect(hidden.body).toEqual(unknown.body);
    const log = await call<MatchChatLog>(
      server.url,
      'GET',
      `/api/matches/${matchId}/chat?filter=off`,
      {
        token: player.accessToken,
      },
    );
    expect(log.status).toBe(200);
    expect(log.body.messages.map((m) => m.text)).toContain('he holds a seven');
    const root = (await login(server.url, 'root', ENV.ADMIN_PASSWORD)).body;
    const reports = await call<ChatReportList>(server.url, 'GET', '/api/moderation/chat-reports', {
      token: root.accessToken,
    });
    expect(reports.body.reports).toHaveLength(1);
  });

  it("exports an account's chat with its data, and deletes it with the account", async () => {
    const leaving = await account(server.url, 'chat_leaver');
    const chat = await open(leaving, 'lobby:secret-draw');
    const said = await chat.say('lobby', 'my last words');
    expect(await chat.request({ type: 'MUTE', userId: host.user.id })).toMatchObject({ ok: true });
    const reporter = await open(host, 'lobby:secret-draw');
    expect(
      await reporter.request({ type: 'REPORT', messageId: said.ok ? (said.messageId ?? '') : '' }),
    ).toMatchObject({ ok: true });
    const exported = await call<{ chat: { messages: { text: string }[]; mutes: unknown[] } }>(
      server.url,
      'GET',
      '/api/account/export',
      { token: leaving.accessToken },
    );
    expect(exported.body.chat.messages.map((m) => m.text)).toEqual(['my last words']);
    expect(exported.body.chat.mutes).toEqual([
      { userId: host.user.id, createdAt: expect.any(String) },
    ]);
    const deleted = await call(server.url, 'POST', '/api/account/delete', {
      token: leaving.accessToken,
      body: { password: GOOD_PASSWORD },
    });
    expect(deleted.status).toBe(200);
    const rows = await server.db.query('SELECT 1 FROM chat_messages WHERE user_id = $1', [
      leaving.user.id,
    ]);
    expect(rows).toEqual([]);
    const [report] = await server.db.query<{ reported_name: string; body: string }>(
      'SELECT reported_name, body FROM chat_reports WHERE reported_user_id = $1',
      [leaving.user.id],
    );
    expect(report).toEqual({ reported_name: 'Deleted player', body: 'my last words' });
  });

  it('stores nothing of an account deleted while its chat socket is still open', async () => {
    const leaving = await account(server.url, 'chat_late');
    const chat = await open(leaving, 'lobby:secret-draw');
    expect(await chat.say('lobby', 'before')).toMatchObject({ ok: true });
    const storedOf = async () =>
      (
        await server.db.query(
          `SELECT (SELECT count(*)::int FROM chat_messages WHERE user_id = $1) AS messages,
                  (SELECT count(*)::int FROM chat_mutes WHERE user_id = $1) AS mutes`,
          [leaving.user.id],
        )
      )[0];
    // The deletion's own transaction, held open while a message and a mute arrive on the socket
    // (its sessions are signed out only after it commits): they wait for it, then see it.
    let late: Promise<unknown[]> | null = null;
    await server.db.transaction(async (query) => {
      await query(`UPDATE users SET deleted_at = now() WHERE id = $1`, [leaving.user.id]);
      await query('DELETE FROM chat_messages WHERE user_id = $1', [leaving.user.id]);
      late = Promise.all([
        chat.say('lobby', 'after'),
        chat.request({ type: 'MUTE', userId: host.user.id }),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    const refused = { ok: false, error: { code: 'UNAUTHORIZED' } };
    expect(await late).toMatchObject([refused, refused]);
    // And once it is committed, at once.
    expect(await chat.say('lobby', 'later')).toMatchObject(refused);
    expect(await chat.request({ type: 'MUTE', userId: player.user.id })).toMatchObject(refused);
    expect(await storedOf()).toEqual({ messages: 0, mutes: 0 });
  });

  it('publishes the chat socket messages as JSON Schema', async () => {
    const schemas = await call<{ definitions: Record<string, unknown> }>(
      server.url,
      'GET',
      '/api/docs/chat-socket.json',
    );
    expect(Object.keys(schemas.body.definitions)).toEqual([
      'ChatClientMessage',
      'ChatServerMessage',
    ]);
  });

  it('refuses unknown rooms, bad tokens and frames that are not chat messages', async () => {
    expect((await open(watcher, 'lobby:no-such-game')).error).toMatchObject({ code: 'NOT_FOUND' });
    expect((await open(watcher, 'match:m_nothing')).error).toMatchObject({ code: 'NOT_FOUND' });
    expect((await open(watcher, 'kitchen')).error).toMatchObject({ code: 'NOT_FOUND' });
    const forged = await ChatSocket.open(server.url, 'forged', 'lobby:secret-draw');
    expect(forged.error).toMatchObject({ code: 'UNAUTHORIZED' });
    const lobby = await open(watcher, 'lobby:secret-draw');
    lobby.sendRaw({ type: 'SHOUT', clientId: 'x' });
    lobby.sendRaw({ type: 'SEND', clientId: 'y', channel: 'lobby', text: 'x'.repeat(9000) });
    // A message id beyond PostgreSQL's bigint never reaches a query.
    lobby.sendRaw({ type: 'REPORT', clientId: 'z', messageId: '9'.repeat(20) });
    await until(
      () =>
        lobby.received.filter((m) => m.type === 'CHAT_ERROR' && m.code === 'BAD_MESSAGE').length ===
        3,
    );
    expect(lobby.received.some((m) => m.type === 'CHAT_RESULT')).toBe(false);
  });
});

describe('chat across two nodes sharing Redis and PostgreSQL', () => {
  const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
  const servers: RunningServer[] = [];
  const sockets: ChatSocket[] = [];
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    for (const server of servers) await server.close();
  });

  it('delivers messages, mutes and removals to members on the other node', async () => {
    const env = {
      REDIS_URL,
      REDIS_KEY_PREFIX: `cardtable-test:${Date.now().toString(36)}:`,
      RATE_AUTH_IP_PER_MIN: '10000',
      SIGNUPS_PER_IP_PER_HOUR: '10000',
    };
    const first = await startTestServer('postgres', env);
    servers.push(first);
    const second = await startServer(configFrom(first.env), testGames);
    servers.push(second);
    const open = async (url: string, who: AuthResponse) => {
      const socket = await ChatSocket.open(url, who.accessToken, 'lobby:secret-draw');
      sockets.push(socket);
      return socket;
    };
    const [kim, lou] = await Promise.all([account(first.url, 'node_kim'), guest(first.url, 'Lou')]);
    const kimOnFirst = await open(first.url, kim);
    const kimOnSecond = await open(second.url, kim);
    const louOnSecond = await open(second.url, lou);

    expect(await kimOnFirst.say('lobby', 'hello from the first node')).toMatchObject({ ok: true });
    await until(() => louOnSecond.messages.length === 1 && kimOnSecond.messages.length === 1);
    expect(louOnSecond.messages[0]?.text).toBe('hello from the first node');

    expect(await kimOnFirst.request({ type: 'MUTE', userId: lou.user.id })).toMatchObject({
      ok: true,
    });
    await until(() => kimOnSecond.received.some((m) => m.type === 'CHAT_MUTED'));
    expect(await louOnSecond.say('lobby', 'can Kim hear me?')).toMatchObject({ ok: true });
    expect(await kimOnSecond.say('lobby', 'only my own words')).toMatchObject({ ok: true });
    await until(() => kimOnFirst.messages.length === 2);
    expect(texts(kimOnFirst.messages)).toEqual(['hello from the first node', 'only my own words']);
    expect(texts(kimOnSecond.messages)).toEqual(['hello from the first node', 'only my own words']);

    // Kim removes Lou from a table Kim hosts on the first node: Lou's chat there, on the second
    // node, is let go of too.
    const table = await createMatch(first.url, kim.accessToken, {
      game: 'secret-draw',
      seats: [{ kind: 'human' }, { kind: 'human' }, { kind: 'human' }],
    });
    const joined = await call<{ seat: number }>(first.url, 'POST', '/api/matches/join', {
      token: lou.accessToken,
      body: { code: table.code },
    });
    const louAtTable = await ChatSocket.open(second.url, lou.accessToken, `match:${table.matchId}`);
    sockets.push(louAtTable);
    expect(louAtTable.welcome?.role).toBe('player');
    const removed = await call(
      first.url,
      'POST',
      `/api/matches/${table.matchId}/seats/${joined.body.seat}/remove`,
      { token: kim.accessToken },
    );
    expect(removed.status).toBe(200);
    await until(() => louAtTable.closed !== null);
    expect({ error: louAtTable.error, close: louAtTable.closed }).toMatchObject({
      error: { code: 'NOT_FOUND' },
      close: 4404,
    });
    expect(louOnSecond.closed).toBeNull();
  }, 120_000);
});

describe('a chat peer that stops answering', () => {
  let server: RunningServer;
  afterAll(async () => server?.close());

  it('is dropped by the heartbeat and leaves its room', async () => {
    server = await startTestServer('embedded', { HEARTBEAT_MS: '100' });
    const silent = await guest(server.url, 'Silent');
    const room = 'lobby:secret-draw';
    // `autoPong: false`: the socket stays open but never answers a ping, like a vanished phone.
    const chat = await ChatSocket.open(
      server.url,
      silent.accessToken,
      room,
      {},
      { autoPong: false },
    );
    expect(chat.welcome).not.toBeNull();
    expect(server.chat.memberCount(room)).toBe(1);
    await until(() => server.chat.memberCount(room) === 0);
    await until(() => chat.closed !== null);
  });
});
