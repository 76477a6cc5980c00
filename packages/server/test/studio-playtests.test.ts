import { fileURLToPath } from 'node:url';
import { verifyReplay, type ReplayFile } from '@cardtable/engine';
import type { PositionDetail, PositionSummary } from '@cardtable/sdk/content';
import type { CreateMatchResponse, ErrorBody, MatchMetadata } from '@cardtable/sdk/protocol';
import { dryRunCardAbility, type TcgState } from '@cardtable/tcg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/app.ts';
import { gameForEmbeddedContent, type ExportedReplay } from '../src/content/replay-content.ts';
import { LIVE_PLAYTESTS_PER_USER } from '../src/content/library.ts';
import { defaultGames } from '../src/default-games.ts';
import { packageBody, readContentFolder } from '../src/content/folder.ts';
import { patchedTidepool, tidepoolPackage } from './helpers/content.ts';
import { call, guest } from './helpers/http.ts';
import { configFrom, startTestServer, type StoreKind } from './helpers/server.ts';

const SLUG = 'reef-lab';
const SPIRITBOUND = fileURLToPath(
  new URL('../../../games/tcg/content/spiritbound', import.meta.url),
);
const vsCpu = [{ kind: 'human' }, { kind: 'cpu', profile: 'easy' }];
const cpuOnly = [
  { kind: 'cpu', profile: 'easy' },
  { kind: 'cpu', profile: 'easy' },
];

describe.each<StoreKind>(['embedded', 'postgres'])('playtests of a draft on %s', (kind) => {
  let server: RunningServer & { env: Record<string, string> };
  let alice: string;
  let bob: string;
  const url = () => server.url;
  const playtest = (token: string, seats: unknown[] = vsCpu) =>
    call<CreateMatchResponse & ErrorBody>(url(), 'POST', '/api/matches', {
      token,
      body: { game: SLUG, draft: true, seats },
    });
  const meta = async (id: string, token = alice) =>
    (await call<MatchMetadata>(url(), 'GET', `/api/matches/${id}`, { token })).body;
  const saveDraft = async (files: Record<string, unknown>) => {
    const saved = await call<{ ok: boolean }>(url(), 'PUT', `/api/content/games/${SLUG}/draft`, {
      token: alice,
      body: { files },
    });
    expect(saved).toMatchObject({ status: 200, body: { ok: true } });
  };
  const surrender = (id: string, token = alice) =>
    call(url(), 'POST', `/api/matches/${id}/surrender`, { token });
  const untilOver = async (id: string) => {
    for (;;) {
      const now = await meta(id);
      if (now.status === 'over') return now;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    server = await startTestServer(kind, {}, await defaultGames());
    alice = (await guest(server.url, 'Alice')).accessToken;
    bob = (await guest(server.url, 'Bob')).accessToken;
    const made = await call(server.url, 'POST', '/api/content/games', {
      token: alice,
      body: { slug: SLUG, name: 'Reef Lab' },
    });
    expect(made.status).toBe(201);
  }, 120_000);
  afterAll(async () => server?.close());

  it('plays an invalid draft nowhere, and only its creator may playtest it', async () => {
    await call(url(), 'PUT', `/api/content/games/${SLUG}/draft`, {
      token: alice,
      body: { files: { 'ruleset.json': '{' } },
    });
    const invalid = await playtest(alice);
    expect(invalid).toMatchObject({ status: 400, body: { code: 'CONTENT_INVALID' } });
    await saveDraft((await tidepoolPackage()).files);
    // The draft is unpublished: to anyone else it is no game at all.
    const stranger = await playtest(bob);
    expect(stranger).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
    expect(stranger.body.message).toBe(`Unknown game "${SLUG}".`);
    const withVersion = await call<ErrorBody>(url(), 'POST', '/api/matches', {
      token: alice,
      body: { game: SLUG, draft: true, version: 1, seats: vsCpu },
    });
    expect(withVersion.status).toBe(400);
    const builtIn = await call<ErrorBody>(url(), 'POST', '/api/matches', {
      token: alice,
      body: { game: 'tcg', draft: true, seats: vsCpu },
    });
    expect(builtIn.status).toBe(400);
    for (const choice of [{ rated: true }, { listed: true }]) {
      const exposed = await call<ErrorBody>(url(), 'POST', '/api/matches', {
        token: alice,
        body: { game: SLUG, draft: true, seats: [{ kind: 'human' }, { kind: 'human' }], ...choice },
      });
      expect(exposed).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
    }
  });

  it('pins an unpublished draft frozen as a snapshot; identical content shares one', async () => {
    const first = await playtest(alice);
    expect(first.status).toBe(200);
    const pinned = (await meta(first.body.matchId)).content!;
    expect(pinned).toMatchObject({ slug: SLUG, name: 'Reef Lab', version: null, draftRevision: 2 });
    expect(pinned.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const again = await playtest(alice);
    expect((await meta(again.body.matchId)).content?.contentHash).toBe(pinned.contentHash);
    const snapshots = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM content_snapshots WHERE content_hash = $1`,
      [pinned.contentHash],
    );
    expect(snapshots[0]!.n).toBe(1);

    // Never listed or counted: the game has no version and no plays, and is nobody's to find.
    const games = await call<{ games: { slug: string }[] }>(url(), 'GET', '/api/games', {
      token: bob,
    });
    expect(games.body.games.map((g) => g.slug)).not.toContain(SLUG);
    const mine = await call<{ games: { slug: string; playCount: number }[] }>(
      url(),
      'GET',
      '/api/content/games/mine',
      { token: alice },
    );
    expect(mine.body.games.find((g) => g.slug === SLUG)?.playCount).toBe(0);
    const [record] = await server.db.query(
      `SELECT rated, replay_privacy FROM matches WHERE id = $1`,
      [first.body.matchId],
    );
    expect(record).toEqual({ rated: false, replay_privacy: 'private' });
    await surrender(first.body.matchId);
    await surrender(again.body.matchId);
  });

  it('caps live playtests per creator; a finished or left one frees its place', async () => {
    const waiting = await playtest(alice, [{ kind: 'human' }, { kind: 'human' }]);
    const live: string[] = [];
    for (let i = 1; i < LIVE_PLAYTESTS_PER_USER; i++) {
      const made = await playtest(alice);
      expect(made.status).toBe(200);
      live.push(made.body.matchId);
    }
    const refused = await playtest(alice);
    expect(refused).toMatchObject({
      status: 429,
      body: { code: 'QUOTA_EXCEEDED', details: { limit: 'playtestsLive' } },
    });
    // Left while it waits for a friend: no longer the creator's to play.
    const left = await call(url(), 'POST', `/api/matches/${waiting.body.matchId}/leave`, {
      token: alice,
    });
    expect(left.status).toBe(200);
    const again = await playtest(alice);
    expect(again.status).toBe(200);
    expect((await playtest(alice)).status).toBe(429);
    await surrender(live[0]!);
    const after = await playtest(alice);
    expect(after.status).toBe(200);
    for (const id of [...live.slice(1), again.body.matchId, after.body.matchId])
      await surrender(id);
  });

  it('lets a friend join by the room code; a position with their hidden cards is refused', async () => {
    const made = await playtest(alice, [{ kind: 'human' }, { kind: 'human' }]);
    expect((await meta(made.body.matchId)).status).toBe('waiting');
    const joined = await call<{ seat: number }>(url(), 'POST', '/api/matches/join', {
      token: bob,
      body: { code: made.body.code },
    });
    expect(joined).toMatchObject({ status: 200, body: { seat: 1 } });
    expect((await meta(made.body.matchId)).status).toBe('active');
    const refused = await call<ErrorBody>(url(), 'POST', `/api/content/games/${SLUG}/positions`, {
      token: alice,
      body: { matchId: made.body.matchId, name: 'with Bob' },
    });
    expect(refused).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(refused.body.message).toMatch(/Bob plays in this match/);
    await surrender(made.body.matchId);
  });

  it('saves a position against the CPU, and a Lua ability dry-runs at it', async () => {
    const made = await playtest(alice);
    const body = { matchId: made.body.matchId, name: 'Opening hand' };
    const path = `/api/content/games/${SLUG}/positions`;
    expect((await call(url(), 'POST', path, { token: bob, body })).status).toBe(404);
    const saved = await call<{ position: PositionSummary }>(url(), 'POST', path, {
      token: alice,
      body,
    });
    expect(saved).toMatchObject({ status: 201, body: { position: { name: 'Opening hand' } } });
    const list = await call<{ positions: PositionSummary[] }>(url(), 'GET', path, { token: alice });
    expect(list.body.positions.map((p) => p.name)).toEqual(['Opening hand']);
    const detail = await call<PositionDetail>(url(), 'GET', `${path}/Opening%20hand`, {
      token: alice,
    });
    const state = detail.body.state as TcgState;
    expect(state.players).toHaveLength(2);

    const loaded = await server.content.loadPinned(
      (await server.content.store.matchContent(made.body.matchId))!,
    );
    const run = dryRunCardAbility({
      content: loaded.content,
      scripts: loaded.hosted.game.scriptsFor(loaded.content)!,
      state,
      card: 'reef/tide-caller',
    });
    expect(run.usage?.instructions).toBeGreaterThan(0);

    const notMine = await call(url(), 'GET', path, { token: bob });
    expect(notMine.status).toBe(404);
    expect((await call(url(), 'DELETE', `${path}/Opening%20hand`, { token: alice })).status).toBe(
      204,
    );
    await surrender(made.body.matchId);
  });

  it('exports a finished playtest that verifies after the draft changed, here and anywhere', async () => {
    const made = await playtest(alice, cpuOnly);
    const played = await untilOver(made.body.matchId);
    const exported = await call<ExportedReplay>(
      url(),
      'GET',
      `/api/matches/${made.body.matchId}/export`,
      { token: alice },
    );
    expect(exported.status).toBe(200);
    expect(exported.body.match.content).toMatchObject({ version: null, slug: SLUG });
    expect(exported.body.content?.contentHash).toBe(played.content?.contentHash);

    await saveDraft(
      (await patchedTidepool((cards) => (cards[0]!.stats!.attack = 3))).files as Record<
        string,
        unknown
      >,
    );
    const next = await playtest(alice, cpuOnly);
    expect((await meta(next.body.matchId)).content?.contentHash).not.toBe(
      played.content?.contentHash,
    );

    const imported = await call<{ verified: boolean }>(url(), 'POST', '/api/replays/import', {
      token: alice,
      body: exported.body,
    });
    expect(imported).toMatchObject({ status: 200, body: { verified: true } });
    const embedded = await gameForEmbeddedContent(exported.body, { user: 'test', address: null });
    if (!embedded.ok) throw new Error(embedded.message);
    expect(verifyReplay(embedded.game, exported.body as ReplayFile)).toMatchObject({ ok: true });
    embedded.game.dispose();

    // Out of the social feed: the projection gives it no position.
    await server.projector.catchUp();
    const fed = await server.db.query<{ feed_position: number | null }>(
      `SELECT feed_position FROM matches WHERE id = $1`,
      [made.body.matchId],
    );
    expect(fed[0]!.feed_position).toBeNull();
    await untilOver(next.body.matchId);
  });

  it('plays a battler draft, and a playtest outlives its deleted draft', async () => {
    const slug = 'spirit-lab';
    const made = await call(url(), 'POST', '/api/content/games', {
      token: alice,
      body: { slug, name: 'Spirit Lab' },
    });
    expect(made.status).toBe(201);
    const spiritbound = packageBody(await readContentFolder(SPIRITBOUND));
    const draft = await call<{ ok: boolean }>(url(), 'PUT', `/api/content/games/${slug}/draft`, {
      token: alice,
      body: spiritbound,
    });
    expect(draft.body.ok).toBe(true);
    const battle = await call<CreateMatchResponse>(url(), 'POST', '/api/matches', {
      token: alice,
      body: { game: slug, draft: true, seats: vsCpu },
    });
    expect(battle.status).toBe(200);
    const state = await call<{ view: { battler?: unknown } }>(
      url(),
      'GET',
      `/api/matches/${battle.body.matchId}/state`,
      { token: alice },
    );
    expect(state.body.view.battler).toBeDefined();
    await surrender(battle.body.matchId);

    expect(
      (await call(url(), 'DELETE', `/api/content/games/${slug}`, { token: alice })).status,
    ).toBe(204);
    expect((await meta(battle.body.matchId)).content).toMatchObject({ slug, version: null });
    const exported = await call<ExportedReplay>(
      url(),
      'GET',
      `/api/matches/${battle.body.matchId}/export`,
      { token: alice },
    );
    expect(exported.status).toBe(200);
    expect(exported.body.content?.files).toBeDefined();
  });

  it('plays on after a restart, on its own snapshot', async () => {
    const made = await playtest(alice);
    const before = await meta(made.body.matchId);
    await server.close();
    server = Object.assign(await startServer(configFrom(server.env), await defaultGames()), {
      env: server.env,
    });
    alice = (await guest(server.url, 'Alice again')).accessToken;
    const after = (
      await call<MatchMetadata>(server.url, 'GET', `/api/matches/${made.body.matchId}`, {
        token: alice,
      })
    ).body;
    expect(after.status).toBe('active');
    expect(after.content).toEqual(before.content);
    const hosted = await server.content.hostedFor({ id: made.body.matchId, game: 'tcg' });
    const snapshot = await server.content.loadPinned(
      (await server.content.store.matchContent(made.body.matchId))!,
    );
    expect(hosted?.game).toBe(snapshot.hosted.game);
  });
});
