/**
 * Issue 10 end to end, as a creator and two friends would: the Tidepool folder is published with
 * `cardtable content publish`, two SDK clients join a match by its room code and play it to the
 * end over sockets while the creator publishes a patch, and the export verifies with
 * `cardtable replay verify` against exactly the content the match was played with.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CardtableClient, RandomPlayer } from '@cardtable/sdk';
import type { GameDetail } from '@cardtable/sdk/content';
import type { MatchMetadata } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@cardtable/server';
import { startTestServer } from '../../server/test/helpers/server.ts';
import { TIDEPOOL_DIR } from '../../server/test/helpers/content.ts';
import { defaultGames } from '@cardtable/server';
import { runCli as cli } from './capture-console.ts';

const work = mkdtempSync(join(tmpdir(), 'cardtable-content-e2e-'));

describe('a creator publishes a game, two friends play it, the export verifies', () => {
  let server: RunningServer;
  beforeAll(async () => {
    process.env.XDG_CONFIG_HOME = join(work, 'config');
    server = await startTestServer('embedded', {}, await defaultGames());
  }, 180_000);
  afterAll(async () => server?.close());

  it('plays a match to the end on the version it was created with, across a patch', async () => {
    const published = await cli(
      'content',
      'publish',
      TIDEPOOL_DIR,
      '--server',
      server.url,
      '--as',
      'Creator',
      '--description',
      'Pearls and tides, for two.',
    );
    expect(published.out).toMatch(/Published "tidepool" version 1 \(sha256:[0-9a-f]{64}\)/);
    expect(published.out).toContain(`${server.url}/?game=tidepool`);
    expect(published.code).toBe(0);
    const unchanged = await cli('content', 'publish', TIDEPOOL_DIR, '--server', server.url);
    expect(unchanged).toMatchObject({ code: 0, out: expect.stringMatching(/Nothing changed/) });

    const alice = new CardtableClient({ baseUrl: server.url });
    const bob = new CardtableClient({ baseUrl: server.url });
    expect((await alice.api.guest('Alice')).ok).toBe(true);
    expect((await bob.api.guest('Bob')).ok).toBe(true);
    const listed = await alice.api.listGames();
    if (!listed.ok) throw new Error(listed.error.message);
    const tidepool = listed.value.games.find((g) => g.slug === 'tidepool');
    expect(tidepool?.description).toBe('Pearls and tides, for two.');
    const created = await alice.api.createMatch({
      game: 'tidepool',
      seats: [
        { kind: 'human', deck: 'shallows' },
        { kind: 'human', deck: 'depths' },
      ],
    });
    if (!created.ok) throw new Error(created.error.message);
    const joined = await bob.api.joinMatch(created.value.code.toLowerCase());
    expect(joined.ok && joined.value.seat).toBe(1);

    // The creator patches the game while the match waits to be played.
    const patched = join(work, 'tidepool-patched');
    cpSync(TIDEPOOL_DIR, patched, { recursive: true });
    const cards = JSON.parse(readFileSync(join(patched, 'cards.json'), 'utf8'));
    cards.cards.find((c: { id: string }) => c.id === 'reef/reef-shark').stats.attack = 5;
    writeFileSync(join(patched, 'cards.json'), JSON.stringify(cards, null, 2));
    const patch = await cli('content', 'publish', patched, '--server', server.url);
    expect(patch.out).toMatch(/version 2/);
    const detail = (await alice.api.getMatch(created.value.matchId)) as {
      ok: true;
      value: MatchMetadata;
    };
    expect(detail.value.content).toMatchObject({ slug: 'tidepool', version: 1, name: 'Tidepool' });

    const connections = [alice, bob].map((client) =>
      client.connect(created.value.matchId, { ackMode: 'auto', trackView: false }),
    );
    const players = connections.map((connection) => new RandomPlayer(connection, { thinkMs: 0 }));
    const over = await Promise.all(connections.map((c) => c.until((x) => x.status === 'over')));
    players.forEach((player) => player.stop());
    connections.forEach((connection) => connection.close());
    expect(over).toEqual([true, true]);

    const exported = await alice.api.exportMatch(created.value.matchId);
    if (!exported.ok) throw new Error(exported.error.message);
    const replay = exported.value as typeof exported.value & {
      match: { content?: { version: number; contentHash: string } };
      content?: { contentHash: string; files: Record<string, unknown> };
    };
    const games = await fetch(`${server.url}/api/content/games/tidepool`, {
      headers: { authorization: `Bearer ${await alice.api.accessToken()}` },
    });
    const versions = ((await games.json()) as GameDetail).versions;
    expect(replay.match.content).toMatchObject({
      version: 1,
      contentHash: versions[0]!.contentHash,
    });
    expect(replay.content?.contentHash).toBe(versions[0]!.contentHash);
    expect(replay.content?.files['art/pearl-diver.png']).toMatchObject({ type: 'image/png' });
    const file = join(work, 'match.json');
    writeFileSync(file, JSON.stringify(replay));

    // Embedded content, the creator's folder, the wrong folder, and no content at all.
    expect(await cli('replay', 'verify', file)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^OK: /),
    });
    expect(await cli('replay', 'verify', file, '--content', TIDEPOOL_DIR)).toMatchObject({
      code: 0,
    });
    const wrong = await cli('replay', 'verify', file, '--content', patched);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/not the content this match was played with \(Tidepool version 1\)/);
    const bare = join(work, 'bare.json');
    writeFileSync(bare, JSON.stringify({ ...replay, content: undefined }));
    const unknown = await cli('replay', 'verify', bare);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toMatch(/^Unknown content: this replay was played with Tidepool version 1/);
    expect(unknown.out).not.toMatch(/DIVERGED/);

    // A saved sign-in that was revoked: the CLI says so rather than only "not the creator".
    const sessions = join(work, 'config', 'cardtable', 'sessions.json');
    const all = JSON.parse(readFileSync(sessions, 'utf8'));
    all[server.url] = {
      ...all[server.url],
      accessToken: 'revoked',
      refreshToken: 'revoked',
      accessTokenExpiresAt: new Date(0).toISOString(),
    };
    writeFileSync(sessions, JSON.stringify(all));
    const lost = await cli('content', 'publish', patched, '--server', server.url, '--as', 'Again');
    expect(lost.code).toBe(1);
    expect(lost.out).toContain(
      `Your saved sign-in on ${server.url} (Creator) has expired or was revoked: signed in as a new guest creator "Again"`,
    );
    expect(lost.out).toContain('Refused: Only the creator of "tidepool" may change it.');
  }, 180_000);
});
