import { applyAction, foldEvents, verifyReplay, type ReplayFile } from '@cardtable/engine';
import type { AuthResponse, MatchMetadata } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.ts';
import { matchConfig } from '../src/match/actor.ts';
import { secretDraw, type SecretDrawOptions } from './fixtures/secret-draw.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { startTestServer } from './helpers/server.ts';
import { RawClient } from './helpers/socket-client.ts';

describe('match lifecycle: start, timers, leave, surrender, grace, drain', () => {
  let server: RunningServer;
  let alice: AuthResponse;
  let bob: AuthResponse;
  beforeAll(async () => {
    server = await startTestServer('postgres', { DISCONNECT_GRACE_MS: '300' });
    [alice, bob] = await Promise.all([guest(server.url, 'Alice'), guest(server.url, 'Bob')]);
  });
  afterAll(async () => server?.close());

  const metadata = async (matchId: string, token = alice.accessToken) =>
    (await call<MatchMetadata>(server.url, 'GET', `/api/matches/${matchId}`, { token })).body;

  async function started(extra: { turnTimeLimitMs?: number } = {}) {
    const created = await createMatch(server.url, alice.accessToken, {
      game: 'secret-draw',
      options: { draws: 3 },
      seats: [{ kind: 'human' }, { kind: 'human' }],
      ...extra,
    });
    await call(server.url, 'POST', '/api/matches/join', {
      token: bob.accessToken,
      body: { code: created.code },
    });
    return created;
  }

  it('the host starts a match early; empty seats go to CPUs; only the host may', async () => {
    const created = await createMatch(server.url, alice.accessToken, {
      game: 'secret-draw',
      seats: [{ kind: 'human' }, { kind: 'human' }, { kind: 'human' }],
    });
    expect((await metadata(created.matchId)).status).toBe('waiting');
    const notHost = await call<{ code: string }>(
      server.url,
      'POST',
      `/api/matches/${created.matchId}/start`,
      {
        token: bob.accessToken,
      },
    );
    expect(notHost).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const start = await call<MatchMetadata>(
      server.url,
      'POST',
      `/api/matches/${created.matchId}/start`,
      {
        token: alice.accessToken,
      },
    );
    expect(start.status).toBe(200);
    expect(start.body.status).not.toBe('waiting');
    expect(start.body.seats.map((s) => s.kind)).toEqual(['human', 'cpu', 'cpu']);
    const mine = await call<{ matches: MatchMetadata[] }>(server.url, 'GET', '/api/me/matches', {
      token: alice.accessToken,
    });
    expect(mine.body.matches.some((m) => m.matchId === created.matchId && m.yourSeat === 0)).toBe(
      true,
    );
  });

  it('a turn whose time runs out is played by the timeout rule (a steady CPU)', async () => {
    const created = await started({ turnTimeLimitMs: 1000 });
    const watcher = await RawClient.open(server.url, created.matchId, bob.accessToken);
    const welcome = watcher.received[0];
    expect(welcome?.type === 'WELCOME' && welcome.turnEndsAt).toBeNull(); // Bob is not active
    const played = await watcher.next('EVENT', (m) => m.event.version === 2, 10_000);
    expect(['drew', 'stood']).toContain(played.event.type);
    expect((await metadata(created.matchId)).version).toBeGreaterThanOrEqual(2);
  });

  it('a player who leaves is played for; one who disconnects is, after the grace period', async () => {
    const created = await started();
    const a = await RawClient.open(server.url, created.matchId, alice.accessToken);
    const b = await RawClient.open(server.url, created.matchId, bob.accessToken);
    await b.close();
    const away = await a.next('MATCH_STATUS', (m) => m.seats[1]?.away === true, 5000);
    expect(away.seats[1]).toMatchObject({ connected: false, away: true });
    // Alice moves; Bob's turn is played for him at once.
    expect((await a.act('draw')).ok).toBe(true);
    await a.next('EVENT', (m) => m.event.version === 3);

    const second = await started();
    const left = await call<MatchMetadata>(
      server.url,
      'POST',
      `/api/matches/${second.matchId}/leave`,
      {
        token: bob.accessToken,
      },
    );
    expect(left.body.seats[1]).toMatchObject({ away: true });
    const c = await RawClient.open(server.url, second.matchId, alice.accessToken);
    expect((await c.act('stand')).ok).toBe(true);
    await c.next('EVENT', (m) => m.event.version === 3);
  });

  it('surrender ends the match for everyone; later actions get MATCH_OVER; the log verifies', async () => {
    const created = await started();
    const a = await RawClient.open(server.url, created.matchId, alice.accessToken);
    const b = await RawClient.open(server.url, created.matchId, bob.accessToken);
    const over = b.next('MATCH_STATUS', (m) => m.status === 'over');
    const conceded = await call<MatchMetadata>(
      server.url,
      'POST',
      `/api/matches/${created.matchId}/surrender`,
      { token: alice.accessToken },
    );
    expect(conceded.body).toMatchObject({
      status: 'over',
      result: { winners: [1], tie: false, reason: 'surrender' },
    });
    expect((await over).result?.winners).toEqual([1]);
    expect(await a.act('draw')).toMatchObject({ ok: false, error: { code: 'MATCH_OVER' } });
    const exported = await call<ReplayFile>(
      server.url,
      'GET',
      `/api/matches/${created.matchId}/export`,
      {
        token: bob.accessToken,
      },
    );
    expect(exported.body.match.seed).toBeTypeOf('string');
    expect(verifyReplay(secretDraw, exported.body)).toMatchObject({ ok: true });

    // The replay imports (verified) and comes back as it was; a tampered one is unverified.
    const imported = await call<{ replayId: string; verified: boolean }>(
      server.url,
      'POST',
      '/api/replays/import',
      { token: alice.accessToken, body: exported.body },
    );
    expect(imported.body.verified).toBe(true);
    const fetched = await call<{ verified: boolean; replay: ReplayFile }>(
      server.url,
      'GET',
      `/api/replays/${imported.body.replayId}`,
      {
        token: bob.accessToken,
      },
    );
    // An imported replay is its importer's: anyone else finds none (it may be a private match).
    expect(fetched).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const mine = await call<{ verified: boolean; replay: ReplayFile }>(
      server.url,
      'GET',
      `/api/replays/${imported.body.replayId}`,
      { token: alice.accessToken },
    );
    expect(mine.body.verified).toBe(true);
    expect(mine.body.replay).toEqual(exported.body);
    const tampered = structuredClone(exported.body);
    (tampered.events[1]!.data as { seat: number }).seat = 1;
    const unverified = await call(server.url, 'POST', '/api/replays/import', {
      token: alice.accessToken,
      body: tampered,
    });
    expect(unverified).toMatchObject({
      status: 200,
      body: { verified: false, problem: expect.stringContaining('events') },
    });
  });

  it('exports of a live match: players get their own projection without the seed; others none', async () => {
    const created = await started();
    const mine = await call<ReplayFile>(
      server.url,
      'GET',
      `/api/matches/${created.matchId}/export`,
      {
        token: alice.accessToken,
      },
    );
    expect(mine.status).toBe(200);
    expect(mine.body.match.seed).toBeUndefined();
    expect(mine.body.actions).toEqual([]);
    const dealt = mine.body.events.filter((e) => e.type === 'dealt');
    expect(dealt.map((e) => (e.data as { card: number | null }).card === null)).toEqual([
      false,
      true,
    ]);
    const carol = await guest(server.url, 'Carol');
    const theirs = await call<{ code: string }>(
      server.url,
      'GET',
      `/api/matches/${created.matchId}/export`,
      {
        token: carol.accessToken,
      },
    );
    expect(theirs).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });

  it('when another writer stores the next version first, the actor refuses, catches up and goes on', async () => {
    const created = await started();
    const a = await RawClient.open(server.url, created.matchId, alice.accessToken);
    const b = await RawClient.open(server.url, created.matchId, bob.accessToken);
    // Another node plays seat 0's turn straight into the store.
    const record = (await server.store.getMatch(created.matchId))!;
    const config = { ...matchConfig(record), options: record.options as SecretDrawOptions };
    const state = foldEvents(secretDraw, config, await server.store.events(created.matchId));
    const applied = applyAction(
      secretDraw,
      { config, state, version: record.version },
      0,
      { type: 'stand', payload: {} },
      'elsewhere',
    );
    if (!applied.ok) throw new Error(applied.error.message);
    const { resolution } = applied.value;
    await server.store.appendResolution({
      matchId: created.matchId,
      version: resolution.version,
      resolutionId: resolution.resolutionId,
      ts: new Date().toISOString(),
      steps: resolution.steps.map((step) => ({
        step: step.step,
        type: step.type,
        data: step.data,
        requiresAck: step.requiresAck,
      })),
      action: {
        actionId: 'elsewhere',
        seat: 0,
        source: 'client',
        version: resolution.version,
        type: 'stand',
        payload: {},
      },
      status: 'active',
      result: null,
    });
    const fresh = a.next('WELCOME');
    expect(await a.act('draw')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await fresh).version).toBe(2);
    expect(await b.act('draw')).toMatchObject({ ok: true, version: 3 });
    // The other writer's action is known after the catch-up: a retry of it gets its answer.
    expect(await a.act('stand', {}, { actionId: 'elsewhere' })).toMatchObject({
      ok: true,
      version: 2,
    });
  });

  it('refresh tokens rotate: each works once; a reused one revokes the whole session', async () => {
    // Its own guest: reuse revokes the session (docs/accounts.md), which must not sign Alice out.
    const erin = await guest(server.url, 'Erin');
    const first = await call<AuthResponse>(server.url, 'POST', '/api/auth/refresh', {
      body: { refreshToken: erin.refreshToken },
    });
    expect(first.status).toBe(200);
    expect(first.body.user.id).toBe(erin.user.id);
    const before = await call<{ id: string }>(server.url, 'GET', '/api/me', {
      token: first.body.accessToken,
    });
    expect(before.body.id).toBe(erin.user.id);
    const again = await call<{ code: string }>(server.url, 'POST', '/api/auth/refresh', {
      body: { refreshToken: erin.refreshToken },
    });
    expect(again).toMatchObject({ status: 401, body: { code: 'SESSION_REVOKED' } });
    // The family is revoked: the newest tokens stop too.
    const after = await call<{ code: string }>(server.url, 'GET', '/api/me', {
      token: first.body.accessToken,
    });
    expect(after.status).toBe(401);
    const rotated = await call<{ code: string }>(server.url, 'POST', '/api/auth/refresh', {
      body: { refreshToken: first.body.refreshToken },
    });
    expect(rotated.status).toBe(401);
  });

  it('on shutdown, in-flight work finishes and every socket is told and closed', async () => {
    const other = await startTestServer('postgres');
    const dave = await guest(other.url, 'Dave');
    const created = await createMatch(other.url, dave.accessToken, {
      game: 'secret-draw',
      seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'steady' }],
    });
    const client = await RawClient.open(other.url, created.matchId, dave.accessToken);
    const result = client.act('draw');
    await new Promise((resolve) => setTimeout(resolve, 20)); // let the frame reach the server
    const closing = other.close();
    expect((await result).type).toBe('ACTION_RESULT');
    await closing;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.received.some((m) => m.type === 'ERROR' && m.code === 'SHUTTING_DOWN')).toBe(
      true,
    );
    expect(client.closed?.code).toBe(1012);
  });
});
