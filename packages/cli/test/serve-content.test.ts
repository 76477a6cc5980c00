/**
 * `cardtable serve --content DIR`: a local folder is hosted as a game, and every saved change
 * becomes a new version while matches created before keep theirs.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultGames, type RunningServer } from '@cardtable/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TIDEPOOL_DIR } from '../../server/test/helpers/content.ts';
import { createMatch, guest } from '../../server/test/helpers/http.ts';
import { startTestServer } from '../../server/test/helpers/server.ts';
import { hostLocalContent } from '../src/content/host-local.ts';

describe('serve --content DIR', () => {
  let server: RunningServer;
  let stop: () => void = () => undefined;
  const folder = join(mkdtempSync(join(tmpdir(), 'cardtable-serve-content-')), 'tidepool');
  beforeAll(async () => {
    cpSync(TIDEPOOL_DIR, folder, { recursive: true });
    server = await startTestServer('embedded', {}, await defaultGames());
  }, 180_000);
  afterAll(async () => {
    stop();
    await server?.close();
  });

  it('publishes the folder, then a new version per saved change; live matches keep theirs', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      stop = await hostLocalContent(server, [folder]);
      const game = (await server.content.store.gameBySlug('tidepool'))!;
      expect(game).toMatchObject({ name: 'Tidepool', ownerName: 'Local folder' });
      expect((await server.content.store.latest(game.id))?.version).toBe(1);

      const { accessToken } = await guest(server.url, 'Tester');
      const before = await createMatch(server.url, accessToken, {
        game: 'tidepool',
        seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'easy' }],
      });

      // A broken save is reported and publishes nothing; the fix publishes version 2.
      const cardsPath = join(folder, 'cards.json');
      const cards = readFileSync(cardsPath, 'utf8');
      writeFileSync(cardsPath, cards.replace('"cost": 3', '"cost": "three"'));
      await vi.waitFor(() => expect(error).toHaveBeenCalled(), { timeout: 30_000, interval: 100 });
      expect(String(error.mock.calls[0]?.[0])).toMatch(
        /not published.*\n {2}cards\.json:\d+:\d+: error SCHEMA: cards\[\d+\] \(reef\/reef-shark\)\.cost: must be/,
      );
      writeFileSync(cardsPath, cards.replace('"Reef Shark"', '"Great Reef Shark"'));
      await vi.waitFor(
        async () => expect((await server.content.store.latest(game.id))?.version).toBe(2),
        { timeout: 30_000, interval: 100 },
      );
      expect((await server.content.matchContent(before.matchId))?.version).toBe(1);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  }, 120_000);

  it("refuses a folder whose slug another creator's game holds, and says how to go on", async () => {
    const { user } = await guest(server.url, 'Someone');
    await server.content.store.createGame({
      id: 'g-taken-slug',
      ownerId: user.id,
      slug: 'taken-slug',
      name: 'Taken',
      description: '',
    });
    const theirs = join(mkdtempSync(join(tmpdir(), 'cardtable-serve-content-')), 'taken');
    cpSync(TIDEPOOL_DIR, theirs, { recursive: true });
    const rulesetPath = join(theirs, 'ruleset.json');
    const ruleset = JSON.parse(readFileSync(rulesetPath, 'utf8')) as { id: string };
    writeFileSync(rulesetPath, JSON.stringify({ ...ruleset, id: 'taken-slug' }));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const stopTaken = await hostLocalContent(server, [theirs]);
      stopTaken();
      expect(String(error.mock.calls[0]?.[0])).toMatch(
        /not published: The slug "taken-slug" belongs to a game Someone published .*`cardtable content publish`.*another id/,
      );
      expect((await server.content.store.gameBySlug('taken-slug'))?.ownerId).toBe(user.id);
    } finally {
      error.mockRestore();
    }
  }, 120_000);
});
