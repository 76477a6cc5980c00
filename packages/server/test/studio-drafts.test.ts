import type {
  ArtUploaded,
  DraftDetail,
  DraftSaved,
  GameDetail,
  GameList,
} from '@cardtable/sdk/content';
import { validateContentPackage } from '@cardtable/tcg';
import { CONTENT_LIMITS } from '@cardtable/tcg/limits';
import type { ErrorBody } from '@cardtable/sdk/protocol';
import { describe, expect, it } from 'vitest';
import { packArchive, unpackArchive } from '../src/content/archive.ts';
import { publishGame, tidepoolPackage, useContentServer } from './helpers/content.ts';
import { call } from './helpers/http.ts';
import { noisePng, png16 } from './helpers/png.ts';
import type { StoreKind } from './helpers/server.ts';

const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe.each<StoreKind>(['embedded', 'postgres'])('studio drafts on %s', (store) => {
  const site = useContentServer(store);

  const create = (token: string, body: Record<string, unknown>) =>
    call<{ game: { slug: string; name: string } }>(site.server.url, 'POST', '/api/content/games', {
      token,
      body,
    });

  it('autosaves with revisions: a save from an old revision is refused and changes nothing', async () => {
    expect((await create(site.alice, { slug: 'reef-draft', name: 'Reef' })).status).toBe(201);
    const empty = await call<DraftDetail>(
      site.server.url,
      'GET',
      '/api/content/games/reef-draft/draft',
      {
        token: site.alice,
      },
    );
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ revision: 0, files: {}, updatedAt: null });

    const pkg = await tidepoolPackage();
    const first = await call<DraftSaved>(
      site.server.url,
      'PUT',
      '/api/content/games/reef-draft/draft',
      {
        token: site.alice,
        body: { ...pkg, revision: 0 },
      },
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ok: true, revision: 1 });

    const edited = {
      ...pkg.files,
      'ruleset.json': (pkg.files['ruleset.json'] as string).replace('"Tidepool"', '"Tide Two"'),
    };
    const second = await call<DraftSaved>(
      site.server.url,
      'PUT',
      '/api/content/games/reef-draft/draft',
      {
        token: site.alice,
        body: { files: edited, revision: 1 },
      },
    );
    expect(second.body.revision).toBe(2);
    const stale = await call<ErrorBody>(
      site.server.url,
      'PUT',
      '/api/content/games/reef-draft/draft',
      {
        token: site.alice,
        body: { files: pkg.files, revision: 1 },
      },
    );
    expect(stale).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT', details: { revision: 2 } },
    });
    // A revision no stored draft can be at is bad input, not a failed query.
    for (const revision of [2 ** 31, 1e300]) {
      const huge = await call<ErrorBody>(
        site.server.url,
        'PUT',
        '/api/content/games/reef-draft/draft',
        { token: site.alice, body: { files: pkg.files, revision } },
      );
      expect(huge).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
      expect(huge.body.message).toMatch(/revision/);
    }
    const now = await call<DraftDetail>(
      site.server.url,
      'GET',
      '/api/content/games/reef-draft/draft',
      {
        token: site.alice,
      },
    );
    expect(now.body.revision).toBe(2);
    expect(now.body.files['ruleset.json']).toContain('Tide Two');
    expect(now.body.updatedAt).toMatch(/^\d{4}-/);
  });

  it('shows a draft to its creator only: to anyone else every route answers as for a game that does not exist', async () => {
    expect((await create(site.alice, { slug: 'secret-set', name: 'Secret' })).status).toBe(201);
    const url = site.server.url;
    const asBob = (method: string, path: string, body?: unknown) =>
      call<ErrorBody>(url, method, path, { token: site.bob, ...(body ? { body } : {}) });
    // Each of Bob's requests, about Alice's draft and about a slug nobody has: the same answer
    // but for the slug in the message, so nothing tells Bob the draft (or its name) exists.
    const requests: [string, string, unknown?][] = [
      ['GET', ''],
      ['GET', '/draft'],
      ['GET', '/draft/archive'],
      ['PATCH', '', { name: 'Mine now' }],
      ['DELETE', ''],
      ['PUT', '/draft', { ...(await tidepoolPackage()), revision: 0 }],
      ['POST', '/draft/art', { base64: png16() }],
      ['POST', '/publish', {}],
      ['GET', '/versions/1'],
      ['GET', '/versions/1/files'],
    ];
    for (const [method, path, body] of requests) {
      const secret = await asBob(method, `/api/content/games/secret-set${path}`, body);
      const nobody = await asBob(method, `/api/content/games/no-such-set${path}`, body);
      expect({ method, path, status: secret.status }).toEqual({ method, path, status: 404 });
      expect(secret.body).toEqual({
        ...nobody.body,
        message: nobody.body.message.replace('no-such-set', 'secret-set'),
      });
    }
    // A playtest or a match of it: refused as an unknown game is, its name never said.
    for (const draft of [true, false]) {
      const body = { game: 'secret-set', seats: [{ kind: 'human' }, { kind: 'human' }], draft };
      const secret = await call<ErrorBody>(url, 'POST', '/api/matches', { token: site.bob, body });
      const nobody = await call<ErrorBody>(url, 'POST', '/api/matches', {
        token: site.bob,
        body: { ...body, game: 'no-such-set' },
      });
      expect(secret.status).toBe(400);
      expect(secret.body.message).toBe(nobody.body.message.replace('no-such-set', 'secret-set'));
      expect(secret.body.message).not.toContain('Secret');
    }
    expect(
      (await call(url, 'GET', '/api/content/games/secret-set', { token: site.alice })).status,
    ).toBe(200);
    const mine = await call<{ games: { slug: string }[] }>(url, 'GET', '/api/content/games/mine', {
      token: site.bob,
    });
    expect(mine.body.games.map((g) => g.slug)).not.toContain('secret-set');

    const renamed = await call<{ game: { name: string; description: string } }>(
      url,
      'PATCH',
      '/api/content/games/secret-set',
      { token: site.alice, body: { name: '  Open Secret ', description: 'Hidden cards.' } },
    );
    expect(renamed.body.game).toMatchObject({ name: 'Open Secret', description: 'Hidden cards.' });
    expect(
      (await call(url, 'DELETE', '/api/content/games/secret-set', { token: site.alice })).status,
    ).toBe(204);
    expect(
      (await call(url, 'GET', '/api/content/games/secret-set', { token: site.alice })).status,
    ).toBe(404);
  });

  it('lets everyone see a published game but only its creator change it (403, not 404)', async () => {
    const slug = 'open-set';
    await publishGame(site.server.url, site.alice, slug, await tidepoolPackage());
    const hijack = await call<ErrorBody>(site.server.url, 'PATCH', `/api/content/games/${slug}`, {
      token: site.bob,
      body: { name: 'Mine now' },
    });
    expect(hijack.status).toBe(403);
    const draft = await call<ErrorBody>(
      site.server.url,
      'GET',
      `/api/content/games/${slug}/draft`,
      {
        token: site.bob,
      },
    );
    expect(draft.status).toBe(403);
  });

  it('copies a published game into a new draft; a published game cannot be deleted', async () => {
    const pkg = await tidepoolPackage();
    await publishGame(site.server.url, site.alice, 'reef-source', pkg);
    const copy = await create(site.bob, {
      slug: 'reef-remix',
      name: 'Reef Remix',
      from: { slug: 'reef-source' },
    });
    expect(copy.status).toBe(201);
    const draft = await call<DraftDetail>(
      site.server.url,
      'GET',
      '/api/content/games/reef-remix/draft',
      {
        token: site.bob,
      },
    );
    expect(Object.keys(draft.body.files).sort()).toEqual(Object.keys(pkg.files).sort());
    expect(draft.body.files['cards.json']).toBe(pkg.files['cards.json']);
    const valid = await call<{ ok: boolean }>(
      site.server.url,
      'POST',
      '/api/content/games/reef-remix/validate',
      { token: site.bob },
    );
    expect(valid.body.ok).toBe(true);

    const noVersion = await create(site.bob, {
      slug: 'reef-remix-2',
      name: 'Again',
      from: { slug: 'reef-source', version: 9 },
    });
    expect(noVersion.status).toBe(404);
    const unpublished = await create(site.bob, {
      slug: 'reef-remix-3',
      name: 'x',
      from: { slug: 'reef-draft-none' },
    });
    expect(unpublished.status).toBe(404);

    const kept = await call<ErrorBody>(
      site.server.url,
      'DELETE',
      '/api/content/games/reef-source',
      {
        token: site.alice,
      },
    );
    expect(kept).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    const detail = await call<GameDetail>(
      site.server.url,
      'GET',
      '/api/content/games/reef-source',
      {
        token: site.bob,
      },
    );
    expect(detail.body.versions).toHaveLength(1);
  });

  it('refuses to publish a draft whose ability tests fail (the validator runs tests.json)', async () => {
    expect((await create(site.alice, { slug: 'tested-set', name: 'Tested' })).status).toBe(201);
    const pkg = await tidepoolPackage();
    const save = (expect: unknown) =>
      call<DraftSaved>(site.server.url, 'PUT', '/api/content/games/tested-set/draft', {
        token: site.alice,
        body: {
          files: {
            ...pkg.files,
            'tests.json': JSON.stringify({
              schema: 'tcg/tests@1',
              tests: [{ name: 'swell', card: 'reef/tide-caller', expect }],
            }),
          },
        },
      });
    // Tide Caller never draws: the test fails, saying what the ability did instead.
    const failing = await save([{ do: 'draw' }]);
    expect(failing.body.ok).toBe(false);
    const message = failing.body.errors[0]!.message;
    expect(failing.body.errors[0]).toMatchObject({
      code: 'ABILITY_TEST_FAILED',
      file: 'tests.json',
    });
    const refused = await call<ErrorBody>(
      site.server.url,
      'POST',
      '/api/content/games/tested-set/publish',
      {
        token: site.alice,
      },
    );
    expect(refused).toMatchObject({ status: 400, body: { code: 'CONTENT_INVALID' } });
    expect(JSON.stringify(refused.body.details)).toContain('ABILITY_TEST_FAILED');
    // Expecting what it really does passes, and the game publishes.
    const actual = JSON.parse(
      message.slice(message.indexOf(', got ') + ', got '.length),
    ) as unknown;
    expect((await save(actual)).body.ok).toBe(true);
    const published = await call(site.server.url, 'POST', '/api/content/games/tested-set/publish', {
      token: site.alice,
    });
    expect(published.status).toBe(201);
  });

  it('exports a draft as a .zip the validator accepts, and imports it as the same draft; a hostile archive creates nothing', async () => {
    const url = site.server.url;
    const pkg = await tidepoolPackage();
    await call(url, 'POST', '/api/content/games', {
      token: site.alice,
      body: { slug: 'zip-source', name: 'Zip source' },
    });
    await call(url, 'PUT', '/api/content/games/zip-source/draft', { token: site.alice, body: pkg });
    const draft = (slug: string) =>
      call<DraftDetail>(url, 'GET', `/api/content/games/${slug}/draft`, { token: site.alice });

    const response = await fetch(`${url}/api/content/games/zip-source/draft/archive`, {
      headers: { authorization: `Bearer ${site.alice}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="zip-source.zip"',
    );
    const zip = new Uint8Array(await response.arrayBuffer());
    const unpacked = unpackArchive(zip);
    if (!unpacked.ok) throw new Error(JSON.stringify(unpacked.errors));
    expect(unpacked.files.get('art/pearl-diver.png')).toBeInstanceOf(Uint8Array);
    expect((await validateContentPackage(unpacked.files)).errors).toEqual([]);
    const notYours = await fetch(`${url}/api/content/games/zip-source/draft/archive`, {
      headers: { authorization: `Bearer ${site.bob}` },
    });
    expect(notYours.status).toBe(404);

    const imported = await call<{ game: { slug: string }; ok: boolean; revision: number }>(
      url,
      'POST',
      '/api/content/games/import',
      {
        token: site.alice,
        body: {
          slug: 'zip-copy',
          name: 'Zip copy',
          archive: { base64: Buffer.from(zip).toString('base64') },
        },
      },
    );
    expect(imported).toMatchObject({
      status: 201,
      body: { game: { slug: 'zip-copy' }, ok: true, revision: 1 },
    });
    expect((await draft('zip-copy')).body.files).toEqual((await draft('zip-source')).body.files);

    const mine = async () =>
      (await call<GameList>(url, 'GET', '/api/content/games/mine', { token: site.alice })).body
        .games.length;
    const before = await mine();
    const traversal = packArchive(
      new Map([
        ['ruleset.json', '{}'],
        ['../../escape.json', '{}'],
      ]),
      'game',
    );
    const refused = await call<ErrorBody>(url, 'POST', '/api/content/games/import', {
      token: site.alice,
      body: {
        slug: 'zip-escape',
        name: 'Escape',
        archive: { base64: Buffer.from(traversal).toString('base64') },
      },
    });
    expect(refused).toMatchObject({
      status: 400,
      body: {
        code: 'CONTENT_INVALID',
        details: { errors: [{ code: 'BAD_PATH', file: '../../escape.json' }] },
      },
    });
    expect(await mine()).toBe(before);
    expect((await draft('zip-escape')).status).toBe(404);
  });

  it('uploads art checked by its bytes and names it by hash in a draft save', async () => {
    expect((await create(site.alice, { slug: 'art-draft', name: 'Art' })).status).toBe(201);
    const tooSmall = await call<ErrorBody>(
      site.server.url,
      'POST',
      '/api/content/games/art-draft/draft/art',
      { token: site.alice, body: { base64: PNG_1X1 } },
    );
    expect(tooSmall).toMatchObject({ status: 400, body: { code: 'CONTENT_INVALID' } });
    const svg = await call<ErrorBody>(
      site.server.url,
      'POST',
      '/api/content/games/art-draft/draft/art',
      {
        token: site.alice,
        body: { base64: Buffer.from('<svg onload="x()"/>').toString('base64') },
      },
    );
    expect(svg.body.message).toMatch(/SVG/);
    const notYours = await call(site.server.url, 'POST', '/api/content/games/art-draft/draft/art', {
      token: site.bob,
      body: { base64: png16() },
    });
    expect(notYours.status).toBe(404);

    const uploaded = await call<ArtUploaded>(
      site.server.url,
      'POST',
      '/api/content/games/art-draft/draft/art',
      { token: site.alice, body: { base64: png16() } },
    );
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      type: 'image/png',
      url: `/api/art/${uploaded.body.sha256}`,
    });
    const image = await fetch(`${site.server.url}${uploaded.body.url}`);
    expect(image.headers.get('content-type')).toBe('image/png');

    const pkg = await tidepoolPackage();
    const files = { ...pkg.files, 'art/hermit-crab.png': { sha256: uploaded.body.sha256 } };
    const saved = await call<DraftSaved>(
      site.server.url,
      'PUT',
      '/api/content/games/art-draft/draft',
      {
        token: site.alice,
        body: { files },
      },
    );
    expect(saved.body.ok).toBe(true);
    const draft = await call<DraftDetail>(
      site.server.url,
      'GET',
      '/api/content/games/art-draft/draft',
      {
        token: site.alice,
      },
    );
    expect(draft.body.files['art/hermit-crab.png']).toEqual({
      sha256: uploaded.body.sha256,
      type: 'image/png',
      size: uploaded.body.size,
    });
    const unknown = await call<ErrorBody>(
      site.server.url,
      'PUT',
      '/api/content/games/art-draft/draft',
      {
        token: site.alice,
        body: { files: { ...pkg.files, 'art/x.png': { sha256: 'a'.repeat(64) } } },
      },
    );
    expect(unknown).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
  });

  it('refuses a save naming too many files, or an image too often, before reading the art store more than once', async () => {
    expect((await create(site.alice, { slug: 'art-flood', name: 'Flood' })).status).toBe(201);
    const upload = async (base64: string) =>
      (
        await call<ArtUploaded>(site.server.url, 'POST', '/api/content/games/art-flood/draft/art', {
          token: site.alice,
          body: { base64 },
        })
      ).body.sha256;
    const small = await upload(png16(0x31));
    // Some 200 KiB: the package's 8 MiB in a few dozen paths naming it.
    const large = await upload(noisePng(256));
    const { art } = site.server.content;
    const get = art.get.bind(art);
    const reads: string[] = [];
    art.get = async (hash) => {
      reads.push(hash);
      return get(hash);
    };
    const save = (count: number, sha256: string) =>
      call<ErrorBody>(site.server.url, 'PUT', '/api/content/games/art-flood/draft', {
        token: site.alice,
        body: {
          files: Object.fromEntries(
            Array.from({ length: count }, (_, i) => [`art/card-${i}.png`, { sha256 }]),
          ),
        },
      });
    try {
      const many = await save(CONTENT_LIMITS.maxFiles + 1, small);
      expect(many).toMatchObject({ status: 400, body: { code: 'CONTENT_INVALID' } });
      expect(many.body.details?.errors).toEqual([expect.objectContaining({ code: 'LIMIT_FILES' })]);
      expect(reads).toEqual([]);
      const heavy = await save(60, large);
      expect(heavy).toMatchObject({ status: 400, body: { code: 'CONTENT_INVALID' } });
      expect(heavy.body.details?.errors).toEqual([
        expect.objectContaining({ code: 'LIMIT_TOTAL_SIZE' }),
      ]);
      expect(reads).toEqual([large]);
    } finally {
      art.get = get;
    }
    const draft = await call<DraftDetail>(
      site.server.url,
      'GET',
      '/api/content/games/art-flood/draft',
      {
        token: site.alice,
      },
    );
    expect(draft.body).toMatchObject({ revision: 0, files: {} });
  });
});
