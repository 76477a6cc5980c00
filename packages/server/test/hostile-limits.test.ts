import {
  MAX_SAVED_POSITIONS,
  type ArtUploaded,
  type MatchArt,
  type PositionList,
} from '@cardtable/sdk/content';
import type { CreateMatchResponse, ErrorBody, MatchMetadata } from '@cardtable/sdk/protocol';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  DRAFT_SAVE_BURST,
  DRAFT_SAVES_PER_MINUTE,
  GAMES_PER_USER,
  POSITION_SAVE_BURST,
  POSITION_SAVES_PER_MINUTE,
  PUBLISH_BURST,
} from '../src/content/library.ts';
import { GamesQuotaReached } from '../src/content/store.ts';
import { until } from './helpers/accounts.ts';
import { createGame, tidepoolPackage, useContentServer } from './helpers/content.ts';
import { call, guest } from './helpers/http.ts';
import { png16 } from './helpers/png.ts';
import type { StoreKind } from './helpers/server.ts';
import { RawClient } from './helpers/socket-client.ts';

/**
 * A hostile client against the limits added after the social features: who sees a playtest's
 * unpublished art, how fast one address may open sockets, the games cap under concurrent
 * creates, and the total of art one creator may upload.
 */
const SOCKET_OPEN_BURST = 12;
const MAX_CONNECTIONS_PER_MATCH = 4;
const ART_IMAGES = 3;
const ENV = {
  SOCKET_OPEN_BURST: String(SOCKET_OPEN_BURST),
  // One more opening a minute: the burst decides every count below, whatever the clock does.
  SOCKET_OPENS_PER_MIN: '1',
  ART_IMAGES_PER_USER: String(ART_IMAGES),
  MAX_CONNECTIONS_PER_MATCH: String(MAX_CONNECTIONS_PER_MATCH),
};
const vsCpu = [{ kind: 'human' }, { kind: 'cpu', profile: 'easy' }];

/** A socket opened from `localAddress` (127.0.0.x): its first message and its close code. */
function openFrom(url: string, localAddress: string) {
  const socket = new WebSocket(url, { localAddress });
  const messages: { type: string; code?: string }[] = [];
  let closed: number | null = null;
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  socket.on('close', (code) => (closed = code));
  socket.on('error', () => undefined);
  return {
    messages,
    closed: () => closed,
    close: async () => {
      socket.close();
      await until(() => closed !== null);
    },
  };
}

describe.each<StoreKind>(['embedded', 'postgres'])('hostile limits on %s', (store) => {
  const site = useContentServer(store, ENV);
  const url = () => site.server.url;
  const ws = () => url().replace(/^http/, 'ws');

  it("shows a playtest's draft art only to the people in it; published art stays public", async () => {
    const slug = `secret-art-${store}`;
    expect(
      (
        await call(url(), 'POST', '/api/content/games', {
          token: site.alice,
          body: { slug, name: 'Secret' },
        })
      ).status,
    ).toBe(201);
    const image = await call<ArtUploaded>(url(), 'POST', `/api/content/games/${slug}/draft/art`, {
      token: site.alice,
      body: { base64: png16(3) },
    });
    const files = {
      ...(await tidepoolPackage()).files,
      'art/hermit-crab.png': { sha256: image.body.sha256 },
    };
    await call(url(), 'PUT', `/api/content/games/${slug}/draft`, {
      token: site.alice,
      body: { files },
    });
    const playtest = await call<CreateMatchResponse>(url(), 'POST', '/api/matches', {
      token: site.alice,
      body: { game: slug, draft: true, seats: vsCpu },
    });
    expect(playtest.status).toBe(200);
    const id = playtest.body.matchId;
    const art = (token: string) =>
      call<MatchArt & ErrorBody>(url(), 'GET', `/api/matches/${id}/art`, { token });

    const mine = await art(site.alice);
    expect(mine.status).toBe(200);
    expect(Object.values(mine.body.art)).toContain(image.body.url);
    // A stranger who only knows the id: refused, the art's URL not given away.
    const stranger = await art(site.bob);
    expect(stranger).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(stranger.body)).not.toContain(image.body.sha256);
    // Watching it (the match lets anyone spectate), they see what the table shows.
    const watching = await RawClient.open(url(), id, site.bob);
    expect((await art(site.bob)).body.art).toEqual(mine.body.art);
    watching.socket.close();
    await until(() => watching.closed !== null);
    for (let i = 0; i < 100 && (await art(site.bob)).status === 200; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await art(site.bob)).status).toBe(403);

    // Once over, as private as its replay: its creator still sees it, the stranger finds no such
    // match at all.
    await call(url(), 'POST', `/api/matches/${id}/surrender`, { token: site.alice });
    for (;;) {
      const meta = await call<MatchMetadata>(url(), 'GET', `/api/matches/${id}`, {
        token: site.alice,
      });
      if (meta.body.status === 'over') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await art(site.alice)).body.art).toEqual(mine.body.art);
    expect(await art(site.bob)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });

    // Published, the same art is anyone's.
    expect(
      (await call(url(), 'POST', `/api/content/games/${slug}/publish`, { token: site.alice }))
        .status,
    ).toBe(201);
    const published = await call<CreateMatchResponse>(url(), 'POST', '/api/matches', {
      token: site.alice,
      body: { game: slug, seats: vsCpu },
    });
    const publicArt = await call<MatchArt>(
      url(),
      'GET',
      `/api/matches/${published.body.matchId}/art`,
      {
        token: site.bob,
      },
    );
    expect(publicArt.status).toBe(200);
    expect(Object.values(publicArt.body.art)).toContain(image.body.url);
    await call(url(), 'POST', `/api/matches/${published.body.matchId}/surrender`, {
      token: site.alice,
    });
  }, 60_000);

  it('limits how fast one address opens sockets, over all three kinds; another address opens on', async () => {
    const golf = await call<CreateMatchResponse>(url(), 'POST', '/api/matches', {
      token: site.alice,
      body: { game: 'golf', seats: [{ kind: 'human' }, { kind: 'human' }] },
    });
    const kinds = [
      `${ws()}/ws/matches/${golf.body.matchId}?token=${site.bob}`,
      `${ws()}/ws/chat?token=${site.bob}&room=lobby:golf`,
      `${ws()}/ws/matchmaking?token=${site.bob}&game=golf&mode=casual&seats=3`,
    ];
    // Connect, close, connect...: never more than one open, so only the rate can stop it.
    for (let i = 0; i < SOCKET_OPEN_BURST; i++) {
      const socket = openFrom(kinds[i % kinds.length]!, '127.0.0.3');
      await until(() => socket.messages.length > 0);
      expect(socket.messages[0]?.code).not.toBe('RATE_LIMITED');
      await socket.close();
    }
    for (const kind of kinds) {
      const refused = openFrom(kind, '127.0.0.3');
      await until(() => refused.closed() !== null);
      expect(refused.messages[0]).toMatchObject({ code: 'RATE_LIMITED' });
      expect(refused.closed()).toBe(4429);
    }
    const elsewhere = openFrom(kinds[1]!, '127.0.0.4');
    await until(() => elsewhere.messages.length > 0);
    expect(elsewhere.messages[0]).toMatchObject({ type: 'CHAT_WELCOME' });
    await elsewhere.close();
    await call(url(), 'POST', `/api/matches/${golf.body.matchId}/leave`, { token: site.alice });
  });

  it("keeps a place for each player: spectators cannot crowd a match's players out", async () => {
    const golf = await call<CreateMatchResponse>(url(), 'POST', '/api/matches', {
      token: site.alice,
      body: { game: 'golf', seats: [{ kind: 'human' }, { kind: 'human' }] },
    });
    const id = golf.body.matchId;
    await call(url(), 'POST', '/api/matches/join', {
      token: site.bob,
      body: { code: golf.body.code },
    });
    const crowd = (await guest(url(), 'Crowd')).accessToken;
    const open = (token: string) => RawClient.open(url(), id, token, { waitWelcome: false });
    const watching = [];
    for (let i = 0; i < MAX_CONNECTIONS_PER_MATCH - 2; i++) {
      const spectator = await open(crowd);
      expect(await spectator.next('WELCOME')).toMatchObject({ role: 'spectator' });
      watching.push(spectator);
    }
    // Two places are kept for the two players, connected to nothing yet.
    const extra = await open(crowd);
    expect((await extra.waitFor('ERROR')).code).toBe('TOO_MANY_CONNECTIONS');
    for (const [token, seat] of [
      [site.alice, 0],
      [site.bob, 1],
    ] as const) {
      const player = await open(token);
      expect(await player.next('WELCOME')).toMatchObject({ role: 'player', seat });
      watching.push(player);
    }
    for (const socket of watching) socket.socket.close();
    await call(url(), 'POST', `/api/matches/${id}/leave`, { token: site.alice });
  });

  it('refuses version numbers past what is stored as BAD_REQUEST, not a failed query', async () => {
    const slug = `versions-${store}`;
    await createGame(url(), site.alice, { slug, name: 'V' });
    const huge = 2 ** 31;
    for (const [method, path, body] of [
      ['GET', `/api/content/games/${slug}/versions/${huge}`, undefined],
      ['GET', `/api/content/games/${slug}/versions/${huge}/files`, undefined],
      ['POST', `/api/content/games/${slug}/versions/${huge}/deprecate`, undefined],
      ['PUT', `/api/content/games/${slug}/versions/${huge}/banlist`, { cards: [] }],
      ['POST', '/api/matches', { game: slug, version: huge, seats: vsCpu }],
      [
        'POST',
        '/api/content/games',
        { slug: `${slug}-copy`, name: 'C', from: { slug, version: huge } },
      ],
    ] as const)
      expect(await call(url(), method, path, { token: site.alice, body }), path).toMatchObject({
        status: 400,
        body: { code: 'BAD_REQUEST' },
      });
    expect(
      await call(url(), 'GET', `/api/content/games/${slug}/versions/${huge - 1}`, {
        token: site.alice,
      }),
    ).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it('keeps the games cap under concurrent creates', async () => {
    /** Games written straight to the database: what the creates race for. */
    const fillGames = (ownerId: string, prefix: string, count: number) =>
      site.server.db.query(
        `INSERT INTO content_games (id, slug, name, owner_id)
         SELECT 'g-' || $2 || '-' || i, $2 || '-' || i, 'Race', $1
         FROM generate_series(1, $3::int) AS i`,
        [ownerId, `${prefix}-${store}`, count],
      );
    const owner = await guest(url(), 'Racer');
    await fillGames(owner.user.id, 'race', GAMES_PER_USER - 2);
    const replies = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        call<ErrorBody>(url(), 'POST', '/api/content/games', {
          token: owner.accessToken,
          body: { slug: `race-${store}-new-${i}`, name: 'Racing' },
        }),
      ),
    );
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(2);
    for (const reply of replies.filter((reply) => reply.status !== 201))
      expect(reply).toMatchObject({
        status: 429,
        body: { code: 'QUOTA_EXCEEDED', details: { limit: 'gamesPerUser', max: GAMES_PER_USER } },
      });
    const owned = await site.server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM content_games WHERE owner_id = $1',
      [owner.user.id],
    );
    expect(owned[0]!.n).toBe(GAMES_PER_USER);

    // The same race straight at the store, whose queries then overlap on the database itself.
    const second = await guest(url(), 'Racer two');
    await fillGames(second.user.id, 'race2', GAMES_PER_USER - 1);
    const raced = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        site.server.content.store.createGame(
          {
            id: `g-race2-${store}-new-${i}`,
            slug: `race2-${store}-new-${i}`,
            name: 'Racing',
            description: '',
            ownerId: second.user.id,
          },
          GAMES_PER_USER,
        ),
      ),
    );
    expect(raced.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of raced.filter((outcome) => outcome.status === 'rejected'))
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(GamesQuotaReached);
  });

  it('keeps the saved positions cap under concurrent saves; replacing one by name still works', async () => {
    const slug = `positions-race-${store}`;
    await createGame(url(), site.alice, { slug, name: 'Positions' });
    await call(url(), 'PUT', `/api/content/games/${slug}/draft`, {
      token: site.alice,
      body: await tidepoolPackage(),
    });
    const made = await call<CreateMatchResponse>(url(), 'POST', '/api/matches', {
      token: site.alice,
      body: { game: slug, draft: true, seats: vsCpu },
    });
    const path = `/api/content/games/${slug}/positions`;
    const save = (name: string) =>
      call<ErrorBody>(url(), 'POST', path, {
        token: site.alice,
        body: { matchId: made.body.matchId, name },
      });
    const replies = await Promise.all(
      Array.from({ length: MAX_SAVED_POSITIONS + 4 }, (_, i) => save(`p${i}`)),
    );
    const saved = replies.filter((reply) => reply.status === 201);
    expect(saved).toHaveLength(MAX_SAVED_POSITIONS);
    for (const reply of replies.filter((reply) => reply.status !== 201))
      expect(reply).toMatchObject({
        status: 429,
        body: { code: 'QUOTA_EXCEEDED', details: { limit: 'savedPositions' } },
      });
    const list = await call<PositionList>(url(), 'GET', path, { token: site.alice });
    expect(list.body.positions).toHaveLength(MAX_SAVED_POSITIONS);
    expect((await save(list.body.positions[0]!.name)).status).toBe(201);
    await call(url(), 'POST', `/api/matches/${made.body.matchId}/surrender`, {
      token: site.alice,
    });
  });

  it('limits how fast one creator publishes; another creator publishes on', async () => {
    const creator = (await guest(url(), 'Publisher')).accessToken;
    const slug = `publisher-${store}`;
    await createGame(url(), creator, { slug, name: 'Pub' });
    const publish = (token: string, game: string) =>
      call<ErrorBody>(url(), 'POST', `/api/content/games/${game}/publish`, { token });
    // Every attempt counts, refused or not: an empty draft is refused as invalid each time.
    for (let i = 0; i < PUBLISH_BURST; i++)
      expect(await publish(creator, slug)).toMatchObject({
        status: 400,
        body: { code: 'CONTENT_INVALID' },
      });
    expect(await publish(creator, slug)).toMatchObject({
      status: 429,
      body: { code: 'RATE_LIMITED' },
    });
    const other = `publisher-other-${store}`;
    await createGame(url(), site.bob, { slug: other, name: 'Other' });
    await call(url(), 'PUT', `/api/content/games/${other}/draft`, {
      token: site.bob,
      body: await tidepoolPackage(),
    });
    expect((await publish(site.bob, other)).status).toBe(201);
  });

  it('limits how fast one user saves drafts; another user saves on', async () => {
    const creator = (await guest(url(), 'Autosaver')).accessToken;
    const slug = `autosaver-${store}`;
    await createGame(url(), creator, { slug, name: 'Autosaver' });
    const save = (token: string, game: string) =>
      call<ErrorBody>(url(), 'PUT', `/api/content/games/${game}/draft`, {
        token,
        body: { files: {} },
      });
    // All at once, so the burst (not the minute's refill while a slow store saves) decides; the
    // validator's own two-checks-at-once limit may refuse some too.
    const answers = await Promise.all(
      Array.from({ length: DRAFT_SAVE_BURST + 10 }, () => save(creator, slug)),
    );
    expect(answers.every(({ status }) => status === 200 || status === 429)).toBe(true);
    const refusals = answers.filter(
      ({ body }) =>
        (body?.details as { limit?: string } | undefined)?.limit === 'draftSavesPerMinute',
    );
    expect(refusals.length).toBeGreaterThan(0);
    const refused = refusals[0]!;
    expect(refused).toMatchObject({
      status: 429,
      body: { code: 'RATE_LIMITED', details: { max: DRAFT_SAVES_PER_MINUTE } },
    });
    const { retryAfterMs } = refused.body.details as { retryAfterMs: number };
    // One save's worth of the minute's refill.
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(60_000 / DRAFT_SAVES_PER_MINUTE);
    const other = `autosaver-other-${store}`;
    await createGame(url(), site.bob, { slug: other, name: 'Other' });
    expect((await save(site.bob, other)).status).toBe(200);
  });

  it('limits how fast one user saves playtest positions, counted before any work', async () => {
    const creator = (await guest(url(), 'Position hoarder')).accessToken;
    const slug = `position-hoarder-${store}`;
    await createGame(url(), creator, { slug, name: 'Hoard' });
    // No such playtest (404), but each attempt is counted before it is looked up.
    const answers = await Promise.all(
      Array.from({ length: POSITION_SAVE_BURST + 10 }, () =>
        call<ErrorBody>(url(), 'POST', `/api/content/games/${slug}/positions`, {
          token: creator,
          body: { matchId: 'm_nowhere', name: 'here' },
        }),
      ),
    );
    expect(answers.every(({ status }) => status === 404 || status === 429)).toBe(true);
    const refused = answers.filter(({ status }) => status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.body).toMatchObject({
      code: 'RATE_LIMITED',
      details: { limit: 'positionSavesPerMinute', max: POSITION_SAVES_PER_MINUTE },
    });
  });

  it('caps the art one creator uploads in all, by the art route or inline in a draft, concurrent or not', async () => {
    const creator = (await guest(url(), 'Painter')).accessToken;
    const slug = `painter-${store}`;
    await createGame(url(), creator, { slug, name: 'Paint' });
    const upload = (shade: number) =>
      call<ArtUploaded & ErrorBody>(url(), 'POST', `/api/content/games/${slug}/draft/art`, {
        token: creator,
        body: { base64: png16(shade) },
      });
    // Racing uploads of distinct images: exactly the quota gets through.
    const raced = await Promise.all([40, 41, 42, 43, 44, 45].map(upload));
    const stored = raced.filter((reply) => reply.status === 201);
    expect(stored).toHaveLength(ART_IMAGES);
    for (const reply of raced.filter((reply) => reply.status !== 201))
      expect(reply).toMatchObject({
        status: 429,
        body: { code: 'QUOTA_EXCEEDED', details: { limit: 'artImagesPerUser', max: ART_IMAGES } },
      });
    // An image uploaded before is not counted again.
    const again = raced.findIndex((reply) => reply.status === 201);
    expect((await upload(40 + again)).status).toBe(201);
    // An image sent inline in a draft save is an upload too: refused, and not stored.
    const inline = await call<ErrorBody>(url(), 'PUT', `/api/content/games/${slug}/draft`, {
      token: creator,
      body: {
        files: { ...(await tidepoolPackage()).files, 'art/hermit-crab.png': { base64: png16(99) } },
      },
    });
    expect(inline).toMatchObject({ status: 429, body: { code: 'QUOTA_EXCEEDED' } });
    const draft = await call<{ files: Record<string, unknown> }>(
      url(),
      'GET',
      `/api/content/games/${slug}/draft`,
      {
        token: creator,
      },
    );
    expect(draft.body.files['art/hermit-crab.png']).toBeUndefined();
    // Another creator's quota is their own.
    const other = `painter-other-${store}`;
    await createGame(url(), site.bob, { slug: other, name: 'Other' });
    const theirs = await call(url(), 'POST', `/api/content/games/${other}/draft/art`, {
      token: site.bob,
      body: { base64: png16(99) },
    });
    expect(theirs.status).toBe(201);

    // The bytes bound, at the store: what one more image would add is what is checked.
    const sizer = await guest(url(), 'Sizer');
    const quota = { images: 100, bytes: 25 };
    const image = (n: number, size: number) => ({ sha256: String(n).repeat(64), size });
    const record = (images: { sha256: string; size: number }[]) =>
      site.server.content.store.recordArtUploads(sizer.user.id, images, quota);
    expect(await record([image(1, 10), image(2, 10)])).toBeNull();
    expect(await record([image(3, 10)])).toBe('bytes');
    expect(await record([image(1, 10), image(4, 5)])).toBeNull();
    expect(await record([image(5, 1)])).toBe('bytes');
  });
});
