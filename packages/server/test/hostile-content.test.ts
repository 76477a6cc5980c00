import type { ContentPackage } from '@cardtable/sdk/content';
import { MAX_DIAGNOSTICS_PER_MODULE } from '@cardtable/tcg';
import { describe, expect, it } from 'vitest';
import { ARCHIVES_PER_MINUTE, VERSIONS_PER_GAME } from '../src/content/library.ts';
import { addressKey } from '../src/address-key.ts';
import {
  CHECKS_PER_ADDRESS,
  CHECKS_PER_REQUESTER,
  CHECKS_WAITING,
  validatePackage,
} from '../src/content/validate.ts';
import { call } from './helpers/http.ts';
import {
  createGame,
  patchedTidepool,
  publishGame,
  tidepoolPackage,
  useContentServer,
} from './helpers/content.ts';

/**
 * A hostile creator's drafts: any signed-in user may save one as often as they like, so what a
 * check of one costs must neither stop the server nor overflow it.
 */
const MODULES = 40;

/** Tidepool with MODULES modules of nearly 64 KiB, each a call the lint refuses on every line. */
async function floodedPackage(): Promise<ContentPackage> {
  const body = await tidepoolPackage();
  const module = `function flood()\n${'q()\n'.repeat(15_000)}end\n`;
  const files = { ...body.files };
  for (let i = 0; i < MODULES; i++) files[`lua/flood_${i}.lua`] = module;
  return { files };
}

const asFiles = (pkg: ContentPackage) =>
  new Map(
    Object.entries(pkg.files).map(([path, file]) => [
      path,
      typeof file === 'string' ? file : new Uint8Array(Buffer.from(file.base64, 'base64')),
    ]),
  );

describe('a hostile creator on the content routes', () => {
  const site = useContentServer('embedded');

  it('gets a bounded report, not a server error, for a draft of modules full of refused calls', async () => {
    await createGame(site.server.url, site.alice, { slug: 'flooded', name: 'Flooded' });
    const saved = await call<{
      ok: boolean;
      errors: { code: string; file?: string }[];
      warnings: unknown[];
    }>(site.server.url, 'PUT', '/api/content/games/flooded/draft', {
      token: site.alice,
      body: await floodedPackage(),
    });
    expect(saved.status).toBe(200);
    expect(saved.body.ok).toBe(false);
    const summed = saved.body.errors.filter((e) => e.code === 'LUA_TOO_MANY_PROBLEMS');
    expect(summed).toHaveLength(MODULES);
    // Some 600,000 refused calls, reported as at most the cap per module plus its summary.
    const reported = saved.body.errors.length + saved.body.warnings.length;
    expect(reported).toBeLessThanOrEqual((MAX_DIAGNOSTICS_PER_MODULE + 2) * (MODULES + 2));
  }, 120_000);

  it("checks a package off the server's event loop, which keeps turning meanwhile", async () => {
    const files = asFiles(await floodedPackage());
    let turns = 0;
    let checking = true;
    const spin = () => {
      turns++;
      if (checking) setImmediate(spin);
    };
    setImmediate(spin);
    const report = await validatePackage(files, { user: 'test', address: null });
    checking = false;
    expect(report.ok).toBe(false);
    // On the event loop the check ran start to end without a turn; on its thread, thousands.
    expect(turns).toBeGreaterThan(100);
  }, 120_000);

  it('limits the draft archives one creator asks for; another creator goes on', async () => {
    await createGame(site.server.url, site.alice, { slug: 'zipped', name: 'Zipped' });
    await createGame(site.server.url, site.bob, { slug: 'zipped-too', name: 'Zipped too' });
    const archive = async (token: string, slug: string) => {
      const response = await fetch(`${site.server.url}/api/content/games/${slug}/draft/archive`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const zip = response.headers.get('content-type') === 'application/zip';
      return { status: response.status, body: zip ? null : await response.json() };
    };
    // Each is packed (deflated) on the event loop: an unlimited creator stalls every match.
    for (let i = 0; i < ARCHIVES_PER_MINUTE; i++) {
      expect((await archive(site.alice, 'zipped')).status).toBe(200);
    }
    expect(await archive(site.alice, 'zipped')).toMatchObject({
      status: 429,
      body: { code: 'RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } },
    });
    expect((await archive(site.bob, 'zipped-too')).status).toBe(200);
  });

  it('holds at most two checks of one requester at once, and a bounded number in all', async () => {
    // Checks are counted as they are asked for: a small package shows the bounds as well.
    const files = asFiles(await tidepoolPackage());
    const check = (user: string) => validatePackage(files, { user, address: null });
    const first = [check('hog'), check('hog')];
    // A third of the same requester is refused at once, nothing queued; another's goes through.
    await expect(check('hog')).rejects.toMatchObject({
      body: {
        code: 'RATE_LIMITED',
        details: { limit: 'checksPerRequester', max: 2, retryAfterMs: 1000 },
      },
    });
    const other = check('someone else');
    for (const report of await Promise.all([...first, other])) expect(report.ok).toBe(true);
    // Done, the requester checks again; and past CHECKS_WAITING in all, everyone waits.
    expect((await check('hog')).ok).toBe(true);
    const many = Array.from({ length: CHECKS_WAITING }, (_, i) => check(`r${i}`));
    await expect(check('late')).rejects.toMatchObject({
      body: { code: 'RATE_LIMITED', details: { limit: 'checksWaiting', max: CHECKS_WAITING } },
    });
    await Promise.all(many);
  }, 120_000);

  it('holds a bounded number of checks of one address, however many guests it makes', async () => {
    const files = asFiles(await tidepoolPackage());
    // Guests enough to fill every place, two saves each, each guest at another address of one
    // IPv6 /64: the address is held to its share, whoever asks.
    const guests = CHECKS_WAITING / CHECKS_PER_REQUESTER;
    const asked = Array.from({ length: guests * CHECKS_PER_REQUESTER }, (_, i) => {
      const guest = i % guests;
      return validatePackage(files, {
        user: `guest${guest}`,
        address: addressKey(`2001:db8:0:7::${guest + 1}`),
      }).then(
        (report) => ({ report }),
        (error: unknown) => ({ error }),
      );
    });
    // Another creator elsewhere, asking while the flood is held, still gets a place.
    const elsewhere = validatePackage(files, {
      user: 'creator',
      address: addressKey('198.51.100.7'),
    });
    expect((await elsewhere).ok).toBe(true);
    const answers = await Promise.all(asked);
    const refused = answers.flatMap((answer) => ('error' in answer ? [answer.error] : []));
    expect(answers.length - refused.length).toBe(CHECKS_PER_ADDRESS);
    for (const error of refused)
      expect(error).toMatchObject({
        body: {
          code: 'RATE_LIMITED',
          details: { limit: 'checksPerAddress', max: CHECKS_PER_ADDRESS, retryAfterMs: 1000 },
        },
      });
    // Done, the address checks again.
    const again = { user: 'guest0', address: addressKey('2001:db8:0:7::99') };
    expect((await validatePackage(files, again)).ok).toBe(true);
  }, 120_000);

  it('stores one version when two publishes of the same content race; other content goes on', async () => {
    // Two tabs (or two nodes, each checking on its own thread) publishing one draft: the
    // checks end together and both publishes read the same latest version.
    await createGame(site.server.url, site.alice, { slug: 'raced', name: 'Raced' });
    const [game] = await site.server.db.query<{ id: string; owner_id: string }>(
      `SELECT id, owner_id FROM content_games WHERE slug = 'raced'`,
    );
    const publish = (contentHash: string) =>
      site.server.content.store.publish({
        gameId: game!.id,
        files: { 'game.json': contentHash },
        contentHash,
        decks: [],
        userId: game!.owner_id,
        maxVersions: VERSIONS_PER_GAME,
      });
    const raced = await Promise.all([publish('sha256:same'), publish('sha256:same')]);
    expect(raced.filter((outcome) => 'version' in outcome)).toHaveLength(1);
    expect(raced.filter((outcome) => 'unchangedSince' in outcome)).toEqual([{ unchangedSince: 1 }]);
    const changed = await Promise.all([publish('sha256:two'), publish('sha256:three')]);
    const numbers = changed.map((outcome) => ('version' in outcome ? outcome.version.version : 0));
    expect(numbers.sort()).toEqual([2, 3]);
  });

  it('keeps at most VERSIONS_PER_GAME versions of a game, racing publishes included; the refusal is typed and stores nothing', async () => {
    const { store } = site.server.content;
    await createGame(site.server.url, site.alice, { slug: 'capped', name: 'Capped' });
    const game = (await store.gameBySlug('capped'))!;
    const publish = (contentHash: string, maxVersions: number) =>
      store.publish({
        gameId: game.id,
        files: { 'game.json': contentHash },
        contentHash,
        decks: [],
        userId: game.ownerId,
        maxVersions,
      });
    expect(await publish('sha256:one', 2)).toHaveProperty('version.version', 1);
    const raced = await Promise.all([publish('sha256:a', 2), publish('sha256:b', 2)]);
    expect(raced.filter((outcome) => 'version' in outcome)).toHaveLength(1);
    expect(raced.filter((outcome) => 'full' in outcome)).toEqual([{ full: true }]);
    expect((await store.latest(game.id))?.version).toBe(2);

    // Over HTTP: a game one version short of the cap publishes once more, then is refused.
    const slug = 'capped-http';
    await publishGame(site.server.url, site.alice, slug, await tidepoolPackage());
    const full = (await store.gameBySlug(slug))!;
    await site.server.db.query(
      `INSERT INTO content_versions (game_id, version, content_hash, files, published_by)
       SELECT $1, v, 'sha256:filler-' || v, '{}', $2 FROM generate_series(2, $3::int - 1) v`,
      [full.id, full.ownerId, VERSIONS_PER_GAME],
    );
    const tweak = (attack: number) =>
      patchedTidepool((cards) => {
        cards[0]!.stats = { attack, health: 3 };
      });
    const last = await publishGame(site.server.url, site.alice, slug, await tweak(7));
    expect(last.version).toBe(VERSIONS_PER_GAME);
    await call(site.server.url, 'PUT', `/api/content/games/${slug}/draft`, {
      token: site.alice,
      body: await tweak(8),
    });
    const refused = await call(site.server.url, 'POST', `/api/content/games/${slug}/publish`, {
      token: site.alice,
    });
    expect(refused).toMatchObject({
      status: 429,
      body: {
        code: 'QUOTA_EXCEEDED',
        message: expect.stringContaining(`${VERSIONS_PER_GAME} versions`),
        details: { limit: 'versionsPerGame', max: VERSIONS_PER_GAME },
      },
    });
    expect((await store.latest(full.id))?.version).toBe(VERSIONS_PER_GAME);
  }, 60_000);

  it('refuses a save or a publish of a game deleted while it was checked as NOT_FOUND', async () => {
    // A draft is checked for a second or more: its owner may delete the game meanwhile.
    await createGame(site.server.url, site.alice, { slug: 'deleted', name: 'Deleted' });
    const { content } = site.server;
    const game = (await content.store.gameBySlug('deleted'))!;
    expect(await content.store.deleteUnpublishedGame(game.id)).toBe(true);
    const published = await content.store.publish({
      gameId: game.id,
      files: { 'game.json': '{}' },
      contentHash: 'sha256:deleted',
      decks: [],
      userId: game.ownerId,
      maxVersions: VERSIONS_PER_GAME,
    });
    expect(published).toEqual({ gone: true });
    const save = await content
      .putDraft(
        game,
        { files: { 'game.json': '{}' } },
        { user: game.ownerId, address: addressKey('::1') },
      )
      .catch((error: unknown) => error);
    expect(save).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await content.store.gameBySlug('deleted')).toBeNull();
  });

  it('saves no position for a game deleted while it was being saved: gone, not a database error', async () => {
    // The route checks the game is the caller's, then reads the playtest's state from its
    // match: the owner may delete the game in another tab meanwhile.
    await createGame(site.server.url, site.alice, { slug: 'positions-gone', name: 'Gone' });
    const { store } = site.server.content;
    const game = (await store.gameBySlug('positions-gone'))!;
    const position = { name: 'Turn 3', matchId: 'm_gone', contentHash: 'sha256:x', state: {} };
    const saved = await store.savePosition(game.id, position, 2);
    expect(saved).toMatchObject({ name: 'Turn 3', matchId: 'm_gone' });
    expect(await store.savePosition(game.id, { ...position, name: 'Turn 4' }, 1)).toBe('full');
    expect(await store.deleteUnpublishedGame(game.id)).toBe(true);
    expect(await store.savePosition(game.id, position, 2)).toBe('gone');
    expect(await store.positions(game.id)).toEqual([]);
  });
});
