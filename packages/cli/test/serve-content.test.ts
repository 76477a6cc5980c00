/**
 * `cardtable serve --content DIR`: a local folder is hosted as a game, and every saved change
 * becomes a new version while matches created before keep theirs.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultGames, type RunningServer } from '@cardtable/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TIDEPOOL_DIR } from '../../server/test/helpers/content.ts';
import { createMatch, guest } from '../../server/test/helpers/http.ts';
import { embeddedDataDir } from '../../server/test/helpers/embedded-template.ts';
import { startTestServer } from '../../server/test/helpers/server.ts';
import { hostLocalContent } from '../src/content/host-local.ts';
import { runCli as cli } from './capture-console.ts';

/** A copy of Tidepool under the ruleset id `id` (its slug), in a folder of its own. */
function tidepoolAs(id: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cardtable-serve-content-')), id);
  cpSync(TIDEPOOL_DIR, dir, { recursive: true });
  for (const file of ['ruleset.json', 'cards.json', 'decks.json']) {
    const path = join(dir, file);
    const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(
      path,
      JSON.stringify({ ...json, [file === 'ruleset.json' ? 'id' : 'ruleset']: id }),
    );
  }
  return dir;
}

/** A saved change to a hosted folder: a card renamed. */
const renameShark = (dir: string) => {
  const cardsPath = join(dir, 'cards.json');
  writeFileSync(
    cardsPath,
    readFileSync(cardsPath, 'utf8').replace('"Reef Shark"', '"Great Reef Shark"'),
  );
};

describe('serve --content DIR', () => {
  let server: RunningServer;
  let stop: () => void = () => undefined;
  const folder = join(mkdtempSync(join(tmpdir(), 'cardtable-serve-content-')), 'tidepool');
  // The CLI's saved sign-ins (`content publish` writes them), here rather than in the home folder.
  const config = mkdtempSync(join(tmpdir(), 'cardtable-serve-config-'));
  const sessionsFile = join(config, 'cardtable', 'sessions.json');
  const savedConfigHome = process.env.XDG_CONFIG_HOME;
  beforeAll(async () => {
    process.env.XDG_CONFIG_HOME = config;
    cpSync(TIDEPOOL_DIR, folder, { recursive: true });
    server = await startTestServer('embedded', {}, await defaultGames());
  }, 180_000);
  afterAll(async () => {
    stop();
    await server?.close();
    if (savedConfigHome === undefined) delete process.env.XDG_CONFIG_HOME;
    else process.env.XDG_CONFIG_HOME = savedConfigHome;
  });

  it('publishes the folder, then a new version per saved change; live matches keep theirs', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      stop = await hostLocalContent(server, [folder], { sessionsFile });
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
    const theirs = tidepoolAs('taken-slug');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const stopTaken = await hostLocalContent(server, [theirs], { sessionsFile });
      stopTaken();
      expect(String(error.mock.calls[0]?.[0])).toMatch(
        /not published: The slug "taken-slug" belongs to a game Someone published on this server, and the folder is hosted as the server's local creator, who may not change it\.\n {2}To host it as the game's creator, sign in as them: .*--token .*`cardtable content publish` saved .*\(http:\/\/127\.0\.0\.1:\d+: the same PORT and host\).*another id/,
      );
      expect((await server.content.store.gameBySlug('taken-slug'))?.ownerId).toBe(user.id);
    } finally {
      error.mockRestore();
    }
  }, 120_000);

  it('hosts a game published with `content publish` as its creator, by the sign-in the CLI saved', async () => {
    const dir = tidepoolAs('saved-maker');
    const published = await cli('content', 'publish', dir, '--server', server.url, '--as', 'Maker');
    expect(published.code).toBe(0);
    const game = (await server.content.store.gameBySlug('saved-maker'))!;
    expect(game.ownerName).toBe('Maker');

    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const stopHosting = await hostLocalContent(server, [dir], { sessionsFile });
    try {
      expect(error).not.toHaveBeenCalled();
      expect(log).toHaveBeenCalledWith(
        `Hosting as Maker, the creator you are signed in as on ${server.url}.`,
      );
      renameShark(dir);
      await vi.waitFor(
        async () => expect((await server.content.store.latest(game.id))?.version).toBe(2),
        { timeout: 30_000, interval: 100 },
      );
      expect(error).not.toHaveBeenCalled();
      // Still the creator's game: `content publish` goes on with version 3.
      expect((await server.content.store.gameBySlug('saved-maker'))?.ownerId).toBe(game.ownerId);
    } finally {
      stopHosting();
      log.mockRestore();
      error.mockRestore();
    }
    const cardsPath = join(dir, 'cards.json');
    writeFileSync(
      cardsPath,
      readFileSync(cardsPath, 'utf8').replace('"Great Reef Shark"', '"Reef Titan"'),
    );
    const third = await cli('content', 'publish', dir, '--server', server.url);
    expect(third.out).toMatch(/Published "saved-maker" version 3/);
  }, 120_000);

  it("hosts as the account of --token: a new folder is that account's game, another's is refused", async () => {
    const account = await guest(server.url, 'Account');
    const owned = tidepoolAs('token-made');
    const published = await cli(
      'content',
      'publish',
      owned,
      '--server',
      server.url,
      '--token',
      account.accessToken,
    );
    expect(published.code).toBe(0);
    const fresh = tidepoolAs('token-fresh');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const stopHosting = await hostLocalContent(server, [owned, fresh], {
        token: account.accessToken,
        sessionsFile,
      });
      stopHosting();
      expect(error).not.toHaveBeenCalled();
      for (const slug of ['token-made', 'token-fresh']) {
        const game = (await server.content.store.gameBySlug(slug))!;
        expect(game.ownerId).toBe(account.user.id);
        expect((await server.content.store.latest(game.id))?.version).toBe(1);
      }
      // Someone else's game stays theirs, whatever the host signs in as.
      const other = await guest(server.url, 'Other');
      const theirs = await hostLocalContent(server, [tidepoolAs('token-made')], {
        token: other.accessToken,
        sessionsFile,
      });
      theirs();
      expect(String(error.mock.calls.at(-1)?.[0])).toMatch(
        /The slug "token-made" belongs to a game Account published on this server, and the folder is hosted as Other, who may not change it/,
      );
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  }, 120_000);

  it('hosts as the local creator when the saved sign-in was revoked, and says so', async () => {
    const mine = tidepoolAs('revoked-maker');
    const url = server.url;
    mkdirSync(dirname(sessionsFile), { recursive: true });
    writeFileSync(
      sessionsFile,
      JSON.stringify({
        [url]: {
          user: { id: 'u_gone', name: 'Gone', guest: true },
          accessToken: 'revoked',
          refreshToken: 'revoked',
          accessTokenExpiresAt: new Date(0).toISOString(),
        },
      }),
    );
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      (await hostLocalContent(server, [mine], { sessionsFile }))();
      expect(error).toHaveBeenCalledWith(
        `Your saved sign-in on ${url} (Gone) has expired or was revoked: folders are hosted as the server's local creator.`,
      );
      expect((await server.content.store.gameBySlug('revoked-maker'))?.ownerName).toBe(
        'Local folder',
      );
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  }, 120_000);
});

describe('cardtable serve --content DIR --token TOKEN', () => {
  it('stops with what to do when the server refuses the token, hosting nothing', async () => {
    const names = ['PORT', 'HOST', 'DATA_DIR', 'LOG_LEVEL', 'WEB_ROOT', 'CARDTABLE_TOKEN'];
    const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
    const dataDir = embeddedDataDir();
    Object.assign(process.env, {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      WEB_ROOT: 'none',
    });
    delete process.env.CARDTABLE_TOKEN;
    try {
      const served = await cli('serve', '--content', tidepoolAs('refused'), '--token', 'stale');
      expect(served.code).toBe(1);
      expect(served.out).toMatch(
        /This server refuses the access token \(--token or CARDTABLE_TOKEN\): .*log in again/,
      );
      expect(served.out).not.toMatch(/is live as/);
    } finally {
      for (const name of names)
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
    }
  }, 180_000);
});
