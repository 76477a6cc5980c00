import {
  applyAction,
  ReplayLog,
  replayFileOf,
  startMatch,
  verifyReplay,
  type ReplayFile,
} from '@cardtable/engine';
import { MAX_SEATS, REPLAY_MAX_ENTRIES, type AuthResponse } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.ts';
import { secretDraw } from './fixtures/secret-draw.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { playUntilOver } from './helpers/socket-client.ts';
import { startTestServer, type StoreKind } from './helpers/server.ts';
import { RawClient } from './helpers/socket-client.ts';

type Verdict = { replayId: string; verified: boolean; problem?: string };
const edited = (replay: ReplayFile, edit: (copy: ReplayFile) => void): ReplayFile => {
  const copy = structuredClone(replay);
  edit(copy);
  return copy;
};

/** A finished match two people played by the rules, exported by the server. */
async function finishedExport(
  server: RunningServer,
  host: AuthResponse,
  guestPlayer: AuthResponse,
): Promise<ReplayFile> {
  const created = await createMatch(server.url, host.accessToken, {
    game: 'secret-draw',
    options: { draws: 2 },
    seats: [{ kind: 'human' }, { kind: 'human' }],
  });
  const a = await RawClient.open(server.url, created.matchId, host.accessToken);
  await call(server.url, 'POST', '/api/matches/join', {
    token: guestPlayer.accessToken,
    body: { code: created.code },
  });
  const b = await RawClient.open(server.url, created.matchId, guestPlayer.accessToken);
  await Promise.all([playUntilOver(a), playUntilOver(b)]);
  await Promise.all([a.close(), b.close()]);
  const exported = await call<ReplayFile>(
    server.url,
    'GET',
    `/api/matches/${created.matchId}/export`,
    { token: host.accessToken },
  );
  expect(exported.body.match.status).toBe('over');
  return exported.body;
}

/** A match the forger played alone with the public engine: self-consistent, never dealt here. */
function fabricated(seed: string): ReplayFile {
  const config = {
    options: { draws: 2 },
    seats: [{ kind: 'human' as const }, { kind: 'human' as const }],
    seed,
  };
  const started = startMatch(secretDraw, config);
  const log = new ReplayLog();
  log.append(started.resolution);
  let match = started.match;
  while (!secretDraw.outcome(match.state)) {
    const seat = match.state.turn;
    const applied = applyAction(
      secretDraw,
      match,
      seat,
      { type: 'stand', payload: {} },
      `f${match.version}`,
    );
    if (!applied.ok) throw new Error(applied.error.message);
    match = applied.value.match;
    log.append(applied.value.resolution);
  }
  return replayFileOf(secretDraw, match, log, 'm_forged');
}

describe('replay imports: verified means re-executed and recorded here', () => {
  let server: RunningServer;
  let alice: AuthResponse;
  let genuine: ReplayFile;

  beforeAll(async () => {
    server = await startTestServer('postgres');
    alice = await guest(server.url, 'Alice');
    genuine = await finishedExport(server, alice, await guest(server.url, 'Bob'));
  }, 180_000);
  afterAll(async () => server?.close());

  const importAs = (body: unknown, token = alice.accessToken) =>
    call<Verdict>(server.url, 'POST', '/api/replays/import', { token, body });

  it('verifies a genuine export and says so when it is fetched', async () => {
    expect(verifyReplay(secretDraw, genuine)).toMatchObject({ ok: true, ending: 'rules' });
    const imported = await importAs(genuine);
    expect(imported).toMatchObject({ status: 200, body: { verified: true } });
    expect(imported.body.problem).toBeUndefined();
    const fetched = await call<{ verified: boolean; replay: ReplayFile; importedAt: string }>(
      server.url,
      'GET',
      `/api/replays/${imported.body.replayId}`,
      { token: alice.accessToken },
    );
    expect(fetched.body).toMatchObject({ verified: true, replay: genuine });
    expect(Number.isNaN(Date.parse(fetched.body.importedAt))).toBe(false);
  });

  it('stores every forgery unverified, with the reason, and serves it flagged', async () => {
    const last = Math.max(...genuine.events.map((e) => e.version));
    const forgeries: Record<string, ReplayFile> = {
      result: edited(genuine, (r) => {
        r.match.result = { ...r.match.result!, winners: [1 - r.match.result!.winners[0]!] };
      }),
      names: edited(genuine, (r) => (r.match.seats[0] = { kind: 'human', name: 'Champion' })),
      dates: edited(genuine, (r) => (r.match.createdAt = '2001-01-01T00:00:00.000Z')),
      endDate: edited(genuine, (r) => (r.match.endedAt = '2001-01-01T00:00:00.000Z')),
      truncated: edited(genuine, (r) => {
        r.events = r.events.filter((e) => e.version < last);
        r.actions = r.actions.filter((a) => a.version < last);
      }),
      seed: edited(genuine, (r) => (r.match.seed = 'another-seed')),
      fabricated: fabricated('any-seed-at-all'),
      extraField: { ...genuine, signedBy: 'the server, honest' } as ReplayFile,
    };
    // The fabricated match is self-consistent: re-execution alone would have passed it.
    expect(verifyReplay(secretDraw, forgeries.fabricated!)).toMatchObject({ ok: true });
    for (const [name, forgery] of Object.entries(forgeries)) {
      const imported = await importAs(forgery);
      expect(imported, name).toMatchObject({
        status: 200,
        body: { verified: false, problem: expect.any(String) },
      });
      const fetched = await call<{ verified: boolean; problem: string }>(
        server.url,
        'GET',
        `/api/replays/${imported.body.replayId}`,
        { token: alice.accessToken },
      );
      expect(fetched.body, name).toMatchObject({ verified: false, problem: imported.body.problem });
    }
  });

  it("answers a stranger's import of a private match as it answers an unknown id", async () => {
    // The match is its players' own (no replay link): a stranger holding its file learns
    // nothing from the import that an id never used would not say.
    const stranger = await guest(server.url, 'Carol');
    const unknown = edited(genuine, (r) => {
      r.match.matchId = 'm_never_played';
      for (const event of r.events) event.matchId = 'm_never_played';
    });
    const [privateMatch, neverPlayed] = [
      await importAs(genuine, stranger.accessToken),
      await importAs(unknown, stranger.accessToken),
    ];
    expect(neverPlayed).toMatchObject({ status: 200, body: { verified: false } });
    expect(privateMatch.status).toBe(neverPlayed.status);
    expect(privateMatch.body.verified).toBe(false);
    expect(privateMatch.body.problem).toBe(neverPlayed.body.problem);
    expect(privateMatch.body.problem).toMatch(/Not a finished match recorded by this server/);
  });

  it('refuses a replay of a game it does not host', async () => {
    const other = edited(genuine, (r) => (r.match.game = 'chess'));
    expect(await importAs(other)).toMatchObject({
      status: 400,
      body: { code: 'REPLAY_INVALID' },
    });
  });

  it('refuses a replay of a format version it cannot read, rather than storing it', async () => {
    // It was stored, unverified "in formatVersion", as if a forgery of a file it could read.
    for (const formatVersion of [0, 2, 1e15]) {
      const future = edited(genuine, (r) => (r.formatVersion = formatVersion));
      const imported = await importAs(future);
      expect(imported, String(formatVersion)).toMatchObject({
        status: 400,
        body: { code: 'BAD_REQUEST', message: expect.stringContaining('/formatVersion') },
      });
    }
  });

  it('refuses event and action numbers out of range with BAD_REQUEST naming the field, storing nothing', async () => {
    const importer = await guest(server.url, 'Numbers');
    const forgeries: [string, (r: ReplayFile) => void][] = [
      ['/events/0/version', (r) => (r.events[0]!.version = 1e308)],
      ['/events/1/version', (r) => (r.events[1]!.version = REPLAY_MAX_ENTRIES + 2)],
      ['/events/1/step', (r) => (r.events[1]!.step = -1)],
      ['/events/0/step', (r) => (r.events[0]!.step = 1.5)],
      ['/events/0/step', (r) => (r.events[0]!.step = 2 ** 53)],
      ['/actions/0/version', (r) => (r.actions[0]!.version = Number.MAX_VALUE)],
      ['/actions/0/seat', (r) => (r.actions[0]!.seat = MAX_SEATS)],
      ['/match/result', (r) => (r.match.result!.winners = [1e308])],
      [
        '/match/content/version',
        (r) =>
          Object.assign(r.match, {
            content: { slug: 'reef', version: 2 ** 40, contentHash: 'sha256:x', name: 'Reef' },
          }),
      ],
    ];
    for (const [field, edit] of forgeries) {
      const imported = await importAs(edited(genuine, edit), importer.accessToken);
      expect(imported, field).toMatchObject({
        status: 400,
        body: { code: 'BAD_REQUEST', message: expect.stringContaining(`Invalid ${field}:`) },
      });
    }
    expect(await server.store.replayUsage(importer.user.id)).toMatchObject({ count: 0 });
  });
});

describe.each<StoreKind>(['postgres', 'embedded'])('replay import quotas (%s)', (store) => {
  let server: RunningServer;
  let user: AuthResponse;
  let files: ReplayFile[];
  /** A fabricated replay made heavier with long timestamps. */
  const padded = (name: string, pad = 300) => {
    const file = fabricated(name);
    return { ...file, events: file.events.map((e) => ({ ...e, ts: 'x'.repeat(pad) })) };
  };
  const bigBytes = Buffer.byteLength(JSON.stringify(padded('b1')));

  beforeAll(async () => {
    server = await startTestServer(store, {
      REPLAY_IMPORTS_PER_USER: '2',
      REPLAY_BYTES_PER_USER: String(Math.round(1.5 * bigBytes)),
      MAX_BODY_BYTES: String(3 * bigBytes),
    });
    user = await guest(server.url, 'Quota');
    files = ['q1', 'q2', 'q3', 'q4', 'q5'].map(fabricated);
  }, 180_000); // the embedded database starts slowly on a busy machine
  afterAll(async () => server?.close());

  const importAs = (body: unknown, token = user.accessToken) =>
    call<Verdict & { code: string; details: Record<string, number> }>(
      server.url,
      'POST',
      '/api/replays/import',
      { token, body },
    );

  it('caps the count per user; the same file again costs nothing; deleting frees room', async () => {
    const [first, second, third] = files as [ReplayFile, ReplayFile, ReplayFile];
    const one = await importAs(first);
    expect(one.status).toBe(200);
    expect((await importAs(second)).status).toBe(200);
    expect(await importAs(third)).toMatchObject({
      status: 429,
      body: { code: 'QUOTA_EXCEEDED', details: { limit: 2, used: 2 } },
    });
    expect(await importAs(first)).toMatchObject({
      status: 200,
      body: { replayId: one.body.replayId },
    });
    // Someone else's quota is their own.
    const other = await guest(server.url, 'Other');
    expect((await importAs(third, other.accessToken)).status).toBe(200);

    const refused = await call(server.url, 'DELETE', `/api/replays/${one.body.replayId}`, {
      token: other.accessToken,
    });
    expect(refused).toMatchObject({ status: 404 });
    // Nor is it anyone else's to read (it may be a private match's): as for no replay at all.
    const [read, none, own] = await Promise.all([
      call(server.url, 'GET', `/api/replays/${one.body.replayId}`, { token: other.accessToken }),
      call(server.url, 'GET', `/api/replays/rp_nothing_here`, { token: other.accessToken }),
      call(server.url, 'GET', `/api/replays/${one.body.replayId}`, { token: user.accessToken }),
    ]);
    expect(read).toMatchObject({ status: 404, body: none.body });
    expect(own).toMatchObject({ status: 200, body: { replayId: one.body.replayId } });
    const deleted = await fetch(`${server.url}/api/replays/${one.body.replayId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${user.accessToken}` },
    });
    expect(deleted.status).toBe(204);
    expect((await importAs(third)).status).toBe(200);
  });

  it('holds under concurrent imports: never more stored than the quota', async () => {
    const racer = await guest(server.url, 'Racer');
    const replies = await Promise.all(files.map((file) => importAs(file, racer.accessToken)));
    const stored = replies.filter((reply) => reply.status === 200);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThanOrEqual(2);
    for (const reply of replies.filter((r) => r.status !== 200)) {
      expect(['QUOTA_EXCEEDED', 'RATE_LIMITED']).toContain(reply.body.code);
    }
    expect((await server.store.replayUsage(racer.user.id)).count).toBeLessThanOrEqual(2);
  });

  it('caps the bytes per user and the size of one import', async () => {
    const heavy = await guest(server.url, 'Heavy');
    expect(bigBytes).toBeGreaterThan(2 * Buffer.byteLength(JSON.stringify(fabricated('small'))));
    expect((await importAs(padded('b1'), heavy.accessToken)).status).toBe(200);
    expect(await importAs(padded('b2'), heavy.accessToken)).toMatchObject({
      status: 429,
      body: {
        code: 'QUOTA_EXCEEDED',
        details: { bytes: Buffer.byteLength(JSON.stringify(padded('b2'))), usedBytes: bigBytes },
      },
    });
    expect(await importAs(padded('b3', 5000), heavy.accessToken)).toMatchObject({
      status: 413,
      body: { code: 'TOO_LARGE' },
    });
  });
});
