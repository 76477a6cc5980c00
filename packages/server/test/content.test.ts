import type {
  EmbeddedContent,
  GameDetail,
  GameList,
  ValidationReport,
  VersionDetail,
} from '@cardtable/sdk/content';
import type { ErrorBody, MatchMetadata } from '@cardtable/sdk/protocol';
import { describe, expect, it } from 'vitest';
import {
  patchedTidepool,
  publishGame,
  tidepoolPackage,
  useContentServer,
} from './helpers/content.ts';
import { call, createMatch } from './helpers/http.ts';
import type { StoreKind } from './helpers/server.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe.each<StoreKind>(['embedded', 'postgres'])("creators' content on %s", (store) => {
  const site = useContentServer(store);

  it('creates, drafts, validates and publishes a game; only its creator may change it', async () => {
    const created = await call(site.server.url, 'POST', '/api/content/games', {
      token: site.alice,
      body: { slug: 'tidepool', name: 'Tidepool', description: 'Creatures of the reef.' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      game: { slug: 'tidepool', latestVersion: null, builtIn: false, creator: { name: 'Alice' } },
    });
    const taken = await call<ErrorBody>(site.server.url, 'POST', '/api/content/games', {
      token: site.bob,
      body: { slug: 'tidepool', name: 'Mine' },
    });
    // Said in the studio form's words: its field is "Address name (slug)".
    expect(taken).toMatchObject({
      status: 409,
      body: {
        code: 'CONFLICT',
        message: 'Another game already has the address name "tidepool": choose another.',
        details: { field: 'slug' },
      },
    });
    const builtIn = await call<ErrorBody>(site.server.url, 'POST', '/api/content/games', {
      token: site.bob,
      body: { slug: 'golf', name: 'Golf' },
    });
    expect(builtIn.status).toBe(409);

    const pkg = await tidepoolPackage();
    const stolen = await call<ErrorBody>(
      site.server.url,
      'PUT',
      '/api/content/games/tidepool/draft',
      {
        token: site.bob,
        body: pkg,
      },
    );
    // Unpublished, the game is Alice's secret: Bob finds no such game.
    expect(stolen).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });

    // A broken draft is stored with its errors, and publishing it is refused with them.
    const broken = { files: { ...pkg.files, 'cards.json': '{"schema": "tcg/cards@1",' } };
    const stored = await call<ValidationReport>(
      site.server.url,
      'PUT',
      '/api/content/games/tidepool/draft',
      {
        token: site.alice,
        body: broken,
      },
    );
    expect(stored.status).toBe(200);
    expect(stored.body.ok).toBe(false);
    expect(stored.body.errors[0]).toMatchObject({ severity: 'error', file: 'cards.json' });
    const refused = await call<ErrorBody>(
      site.server.url,
      'POST',
      '/api/content/games/tidepool/publish',
      {
        token: site.alice,
      },
    );
    expect(refused).toMatchObject({ status: 400, body: { code: 'CONTENT_INVALID' } });
    expect((refused.body.details?.errors as { file: string }[])[0]?.file).toBe('cards.json');

    // Limits: refused whole, nothing stored (the broken draft stays).
    const base64 = (data: string | Buffer) => ({ base64: Buffer.from(data).toString('base64') });
    for (const [files, message] of [
      [{ ...pkg.files, 'art/evil.svg': base64('<svg onload="alert(1)"/>') }, /SVG is not accepted/],
      [{ ...pkg.files, 'art/fake.png': base64('GIF89a') }, /neither a PNG nor a WebP/],
      [
        { ...pkg.files, '../escape.json': '{}' },
        /may not contain empty, \\".\\" or \\"..\\" parts/,
      ],
      [
        { ...pkg.files, 'art/huge.png': base64(Buffer.concat([PNG, Buffer.alloc(1024 * 1024)])) },
        /LIMIT_FILE_SIZE/,
      ],
    ] as const) {
      const limited = await call<ErrorBody>(
        site.server.url,
        'PUT',
        '/api/content/games/tidepool/draft',
        {
          token: site.alice,
          body: { files },
        },
      );
      expect(limited.status).toBe(400);
      expect(limited.body.code).toBe('CONTENT_INVALID');
      expect(JSON.stringify(limited.body.details)).toMatch(message);
    }
    const still = await call<ValidationReport>(
      site.server.url,
      'POST',
      '/api/content/games/tidepool/validate',
      { token: site.alice },
    );
    expect(still.body.ok).toBe(false);

    const first = await publishGame(site.server.url, site.alice, 'tidepool', pkg);
    expect(first.version).toBe(1);
    expect(first.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const again = await call<ErrorBody>(
      site.server.url,
      'POST',
      '/api/content/games/tidepool/publish',
      {
        token: site.alice,
      },
    );
    expect(again).toMatchObject({
      status: 409,
      body: { code: 'CONTENT_UNCHANGED', details: { version: 1 } },
    });
  });

  it('lists published games next to the built-in ones and serves a version with its art', async () => {
    // Public: the list is the same to a signed-in player and to someone who has not signed in.
    const list = await call<GameList>(site.server.url, 'GET', '/api/games', { token: site.bob });
    expect(await call<GameList>(site.server.url, 'GET', '/api/games')).toEqual(list);
    const slugs = list.body.games.map((g) => g.slug);
    expect(slugs).toEqual(expect.arrayContaining(['golf', 'tcg', 'spiritbound', 'tidepool']));
    expect(list.body.games.find((g) => g.slug === 'spiritbound')).toMatchObject({
      name: 'Spiritbound',
      kind: 'tcg',
      builtIn: true,
      decks: ['grass', 'fire', 'water', 'psychic', 'lightning'].map((id) => ({
        id,
        name: `${id[0]!.toUpperCase()}${id.slice(1)} starter`,
      })),
    });
    const tidepool = list.body.games.find((g) => g.slug === 'tidepool')!;
    expect(tidepool).toMatchObject({
      name: 'Tidepool',
      kind: 'tcg',
      builtIn: false,
      creator: { name: 'Alice' },
      latestVersion: 1,
      decks: [
        { id: 'shallows', name: 'Shallows' },
        { id: 'depths', name: 'Depths' },
      ],
    });
    const mine = await call<GameList>(site.server.url, 'GET', '/api/content/games/mine', {
      token: site.bob,
    });
    expect(mine.body.games).toEqual([]);

    const detail = await call<VersionDetail>(
      site.server.url,
      'GET',
      '/api/content/games/tidepool/versions/1',
      { token: site.bob },
    );
    expect(detail.status).toBe(200);
    expect(Object.keys(detail.body.content.art)).toEqual(['reef/pearl-diver']);
    const card = (detail.body.content.cards as { id: string; text: string }[]).find(
      (c) => c.id === 'reef/tide-caller',
    );
    expect(card?.text).toMatch(/deal 1 damage to each enemy creature/);
    // Art is public: an <img> sends no token.
    const art = await fetch(`${site.server.url}${detail.body.content.art['reef/pearl-diver']}`);
    expect(art.status).toBe(200);
    expect(art.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await art.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const missing = await fetch(`${site.server.url}/api/art/${'0'.repeat(64)}`);
    expect(missing.status).toBe(404);
  });

  it("serves a published version's files as a replay export embeds them (what a replay viewer folds with)", async () => {
    const files = await call<EmbeddedContent>(
      site.server.url,
      'GET',
      '/api/content/games/tidepool/versions/1/files',
      { token: site.bob },
    );
    expect(files.status).toBe(200);
    const versions = await call<GameDetail>(site.server.url, 'GET', '/api/content/games/tidepool', {
      token: site.bob,
    });
    expect(files.body.contentHash).toBe(versions.body.versions[0]!.contentHash);
    expect(JSON.parse(files.body.files['cards.json'] as string)).toMatchObject({
      schema: 'tcg/cards@1',
    });
    expect(files.body.files['art/pearl-diver.png']).toMatchObject({ type: 'image/png' });
    const none = await call<ErrorBody>(
      site.server.url,
      'GET',
      '/api/content/games/tidepool/versions/99/files',
      { token: site.bob },
    );
    expect(none).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const anonymous = await call(
      site.server.url,
      'GET',
      '/api/content/games/tidepool/versions/1/files',
    );
    expect(anonymous.status).toBe(401);
  });

  it('pins each match to its version: patches, deprecation and banlists apply to new matches only', async () => {
    const old = await createMatch(site.server.url, site.alice, {
      game: 'tidepool',
      seats: [
        { kind: 'human', deck: 'depths' },
        {
          kind: 'human',
          deck: {
            list: '3 Pearl Diver\n3 Hermit Crab\n# comment\n3x reef/sea-urchin\n3 kelp bloom',
          },
        },
      ],
    });
    const patch = await publishGame(
      site.server.url,
      site.alice,
      'tidepool',
      await patchedTidepool((cards) => {
        cards.find((c) => c.id === 'reef/reef-shark')!.stats = { attack: 3, health: 3 };
      }),
    );
    expect(patch.version).toBe(2);
    const banned = await call(
      site.server.url,
      'PUT',
      '/api/content/games/tidepool/versions/2/banlist',
      {
        token: site.alice,
        body: { cards: ['reef/moray-eel'] },
      },
    );
    expect(banned).toMatchObject({
      status: 200,
      body: { version: { banlist: ['reef/moray-eel'] } },
    });
    const unknownCard = await call<ErrorBody>(
      site.server.url,
      'PUT',
      '/api/content/games/tidepool/versions/2/banlist',
      {
        token: site.alice,
        body: { cards: ['reef/kraken'] },
      },
    );
    expect(unknownCard.status).toBe(400);
    const notOwner = await call(
      site.server.url,
      'POST',
      '/api/content/games/tidepool/versions/2/deprecate',
      { token: site.bob },
    );
    expect(notOwner.status).toBe(403);

    // New matches take version 2 and refuse the banned card; the old match keeps version 1.
    const refused = await call<ErrorBody>(site.server.url, 'POST', '/api/matches', {
      token: site.bob,
      body: {
        game: 'tidepool',
        seats: [
          { kind: 'human', deck: 'depths' },
          { kind: 'cpu', profile: 'easy' },
        ],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toMatchObject({ seat: 0 });
    expect(refused.body.message).toMatch(/Moray Eel is banned/);
    const badList = await call<ErrorBody>(site.server.url, 'POST', '/api/matches', {
      token: site.bob,
      body: {
        game: 'tidepool',
        seats: [
          { kind: 'human', deck: { list: '12 Kraken' } },
          { kind: 'cpu', profile: 'easy' },
        ],
      },
    });
    expect(badList.body.message).toMatch(/Line 1: no card named "Kraken"/);
    const fresh = await createMatch(site.server.url, site.bob, {
      game: 'tidepool',
      seats: [
        { kind: 'human', deck: 'shallows' },
        { kind: 'cpu', profile: 'easy', deck: 'shallows' },
      ],
    });
    const meta = async (id: string) =>
      (
        await call<MatchMetadata>(site.server.url, 'GET', `/api/matches/${id}`, {
          token: site.alice,
        })
      ).body;
    expect((await meta(fresh.matchId)).content).toMatchObject({
      slug: 'tidepool',
      version: 2,
      contentHash: patch.contentHash,
      name: 'Tidepool',
    });
    expect((await meta(old.matchId)).content).toMatchObject({ version: 1 });

    // Deprecating version 2: new matches go back to version 1 (no banlist there).
    const deprecated = await call(
      site.server.url,
      'POST',
      '/api/content/games/tidepool/versions/2/deprecate',
      { token: site.alice },
    );
    expect(deprecated).toMatchObject({ status: 200, body: { version: { deprecated: true } } });
    const afterDeprecation = await createMatch(site.server.url, site.bob, {
      game: 'tidepool',
      seats: [
        { kind: 'human', deck: 'depths' },
        { kind: 'cpu', profile: 'easy' },
      ],
    });
    expect((await meta(afterDeprecation.matchId)).content?.version).toBe(1);
    expect((await meta(fresh.matchId)).content?.version).toBe(2);
    const explicit = await call<ErrorBody>(site.server.url, 'POST', '/api/matches', {
      token: site.bob,
      body: {
        game: 'tidepool',
        version: 2,
        seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'easy' }],
      },
    });
    expect(explicit.body.message).toMatch(/deprecated/);

    const detail = await call<GameDetail>(site.server.url, 'GET', '/api/content/games/tidepool', {
      token: site.bob,
    });
    expect(detail.body.versions.map((v) => [v.version, v.deprecated])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(detail.body.game.playCount).toBe(3);

    // Restoring version 2 (its owner only): new matches take it again, banlist and all.
    const restoreByOther = await call(
      site.server.url,
      'DELETE',
      '/api/content/games/tidepool/versions/2/deprecate',
      { token: site.bob },
    );
    expect(restoreByOther.status).toBe(403);
    const restored = await call(
      site.server.url,
      'DELETE',
      '/api/content/games/tidepool/versions/2/deprecate',
      { token: site.alice },
    );
    expect(restored).toMatchObject({
      status: 200,
      body: { version: { version: 2, deprecated: false, banlist: ['reef/moray-eel'] } },
    });
    const afterRestore = await createMatch(site.server.url, site.bob, {
      game: 'tidepool',
      seats: [
        { kind: 'human', deck: 'shallows' },
        { kind: 'cpu', profile: 'easy', deck: 'shallows' },
      ],
    });
    expect((await meta(afterRestore.matchId)).content?.version).toBe(2);
  });

  it('rebuilds a pinned match after a restart on its own version', async () => {
    // A fresh library (as after a restart) resolves the match from what it recorded.
    const created = await createMatch(site.server.url, site.bob, {
      game: 'tidepool',
      version: 1,
      seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'easy' }],
    });
    const { ContentLibrary } = await import('../src/content/library.ts');
    const fresh = new ContentLibrary(
      site.server.content.store,
      site.server.content.art,
      site.server.content.builtIn,
      { images: 0, bytes: 0 }, // it only loads: no uploads
    );
    const hosted = await fresh.hostedFor({ id: created.matchId, game: 'tcg' });
    expect(hosted?.game.name).toBe('tcg');
    const v1 = await fresh.load((await site.server.content.store.gameBySlug('tidepool'))!.id, 1);
    expect(hosted?.game).toBe(v1.hosted.game);
  });
});
